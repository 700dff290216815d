import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { MergeCompanyFieldsInput } from '../../../gql/graphql';
import { useFormat } from '../../../lib/i18n/useFormat';
import { useLanguage } from '../../../lib/i18n/useLanguage';
import { MergeCompaniesMutation, MergeCompaniesPreviewQuery } from '../graphql/merge';
import type { MergeFieldRow, MergeRecord } from './MergeChoices';
import { MergeDialog, usePreviewRecords, valuesOf } from './MergeDialog';
import { useMergeState } from './useMergeState';

const FIELDS = ['name', 'kind', 'country', 'city', 'website', 'notes', 'accountManager'] as const;

function regionName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Review and merge companies; on success the kept company opens. */
export function CompanyMergeDialog({ ids, onClose }: { ids: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation('merge');
  const { t: tc } = useTranslation();
  const [language] = useLanguage();
  const { formatDate } = useFormat();
  const state = useMergeState(ids, FIELDS);
  const input = { ...state.input, fields: state.input.fields as MergeCompanyFieldsInput };

  const { data, previousData, loading, error, refetch } = useQuery(MergeCompaniesPreviewQuery, {
    variables: { input },
    fetchPolicy: 'network-only',
  });
  const preview = (data ?? previousData)?.mergeCompaniesPreview;
  const companies = usePreviewRecords(ids, preview, state);
  const [mergeCompanies, { loading: merging }] = useMutation(MergeCompaniesMutation);

  const records: MergeRecord[] = companies.map((company) => ({
    id: company.id,
    title: company.name,
    subtitle: [
      [company.city, regionName(company.country, language)].filter(Boolean).join(', '),
      t('dialog.created', { date: formatDate(company.createdAt) }),
    ].join(' · '),
  }));
  const rows: MergeFieldRow[] = [
    { key: 'name', label: t('fields.name'), values: valuesOf(companies, (c) => c.name) },
    { key: 'kind', label: t('fields.kind'), values: valuesOf(companies, (c) => tc(`pickers.kinds.${c.kind}`)) },
    { key: 'country', label: t('fields.country'), values: valuesOf(companies, (c) => regionName(c.country, language)) },
    { key: 'city', label: t('fields.city'), values: valuesOf(companies, (c) => c.city) },
    { key: 'website', label: t('fields.website'), values: valuesOf(companies, (c) => c.website) },
    { key: 'notes', label: t('fields.notes'), values: valuesOf(companies, (c) => c.notes) },
    {
      key: 'accountManager',
      label: t('fields.accountManager'),
      values: valuesOf(companies, (c) => c.accountManager?.fullName ?? null),
    },
  ];
  const brands = preview?.result?.brands ?? [];

  return (
    <MergeDialog
      ids={ids}
      title={t('dialog.titleCOMPANY')}
      state={state}
      preview={preview}
      loading={loading}
      error={error}
      refetch={async () => (await refetch()).data?.mergeCompaniesPreview}
      records={records}
      rows={rows}
      united={brands.length > 0 ? `${t('dialog.brands')} — ${t('dialog.united', { values: brands.join(', ') })}` : null}
      merge={async (seen) => (await mergeCompanies({ variables: { input: { ...input, seen } } })).data?.mergeCompanies}
      merging={merging}
      outcome={(payload) =>
        payload.company
          ? {
              evict: ids.map((id) => ({ __typename: 'Company' as const, id })),
              open: `/companies/${payload.company.id}`,
            }
          : null
      }
      onClose={onClose}
    />
  );
}
