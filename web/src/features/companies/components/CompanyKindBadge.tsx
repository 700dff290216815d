import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import type { CompanyKind } from '../../../gql/graphql';
import { companyKindTone } from '../../../lib/status/tones';

export const COMPANY_KINDS: readonly CompanyKind[] = [
  'EXPORTER',
  'BUYER',
  'DISTRIBUTOR',
  'RETAILER',
  'INSTITUTION',
  'PARTNER',
];

export function CompanyKindBadge({ kind }: { kind: CompanyKind }) {
  const { t } = useTranslation('companies');
  return <Badge tone={companyKindTone[kind]}>{t(`kinds.${kind}`)}</Badge>;
}
