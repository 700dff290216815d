import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/Badge';
import type { CompanyKind } from '../../../gql/graphql';

export const COMPANY_KINDS: readonly CompanyKind[] = [
  'EXPORTER',
  'BUYER',
  'DISTRIBUTOR',
  'RETAILER',
  'INSTITUTION',
  'PARTNER',
];

const TONES: Record<CompanyKind, BadgeTone> = {
  EXPORTER: 'info',
  BUYER: 'success',
  DISTRIBUTOR: 'warning',
  RETAILER: 'warning',
  INSTITUTION: 'neutral',
  PARTNER: 'neutral',
};

export function CompanyKindBadge({ kind }: { kind: CompanyKind }) {
  const { t } = useTranslation('companies');
  return <Badge tone={TONES[kind]}>{t(`kinds.${kind}`)}</Badge>;
}
