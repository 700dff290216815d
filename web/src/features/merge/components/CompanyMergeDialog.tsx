import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { FormDialog } from '../../../components/ui/FormDialog';
import { QueryError } from '../../../components/ui/QueryError';
import { Spinner } from '../../../components/ui/Spinner';
import type { MergeCompanyFieldsInput } from '../../../gql/graphql';
import { useFormat } from '../../../lib/i18n/useFormat';
import { useLanguage } from '../../../lib/i18n/useLanguage';
import { evictAfterMerge } from '../cache';
import { MergeCompaniesMutation, MergeCompaniesPreviewQuery } from '../graphql/merge';
import { MergeChoices, type MergeFieldRow, type MergeRecord } from './MergeChoices';
import { MergePreview } from './MergePreview';
import { useFirstSeen, useMergeState } from './useMergeState';

const FIELDS = ['name', 'kind', 'country', 'city', 'website', 'notes', 'accountManager'] as const;

function regionName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Review and merge companies: the records side by side, the one kept and each field's value
 * chosen, the server's preview refreshed on every change, then the merge. On success the kept
 * company opens and the cache forgets what the merge changed.
 */
export function CompanyMergeDialog({ ids, onClose }: { ids: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation('merge');
  const { t: tc } = useTranslation();
  const [language] = useLanguage();
  const { formatDate } = useFormat();
  const navigate = useNavigate();
  const client = useApolloClient();
  const state = useMergeState(ids, FIELDS);
  const [errors, setErrors] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);

  const { data, previousData, loading, error, refetch } = useQuery(MergeCompaniesPreviewQuery, {
    variables: { input: { ...state.input, fields: state.input.fields as MergeCompanyFieldsInput } },
    fetchPolicy: 'network-only',
  });
  const preview = (data ?? previousData)?.mergeCompaniesPreview;
  const byId = new Map(
    (preview ? [preview.keep, ...preview.merged] : []).flatMap((company) => (company ? [[company.id, company]] : [])),
  );
  const companies = ids.flatMap((id) => byId.get(id) ?? []);
  useFirstSeen(companies, ids.length, state.seen, state.setSeen);

  const [mergeCompanies, { loading: merging }] = useMutation(MergeCompaniesMutation);

  async function reload() {
    setReloading(true);
    try {
      const result = await refetch();
      const fresh = result.data?.mergeCompaniesPreview;
      const records = fresh ? [fresh.keep, ...fresh.merged].filter((record) => record != null) : [];
      state.setSeen(records.map(({ id, updatedAt }) => ({ id, updatedAt })));
      setErrors([]);
      setStale(false);
    } catch {
      setErrors([t('dialog.loadError')]);
    } finally {
      setReloading(false);
    }
  }

  async function submit() {
    setErrors([]);
    setStale(false);
    try {
      const { data: result } = await mergeCompanies({
        variables: {
          input: {
            ...state.input,
            fields: state.input.fields as MergeCompanyFieldsInput,
            seen: state.seen ?? undefined,
          },
        },
      });
      const payload = result?.mergeCompanies;
      if (!payload) {
        setErrors([t('dialog.failed')]);
        return;
      }
      if (payload.userErrors.length > 0) {
        setErrors(payload.userErrors.map((userError) => userError.message));
        setStale(payload.userErrors.some((e) => e.code === 'CONFLICT' && (e.field ?? []).includes('seen')));
        return;
      }
      if (payload.company) {
        evictAfterMerge(
          client.cache,
          ids.map((id) => ({ __typename: 'Company' as const, id })),
        );
        void navigate(`/companies/${payload.company.id}`);
      }
    } catch {
      setErrors([t('dialog.failed')]);
    }
  }

  const records: MergeRecord[] = companies.map((company) => ({
    id: company.id,
    title: company.name,
    subtitle: [
      [company.city, regionName(company.country, language)].filter(Boolean).join(', '),
      t('dialog.created', { date: formatDate(company.createdAt) }),
    ].join(' · '),
  }));
  const value = (pick: (company: (typeof companies)[number]) => string | null) =>
    Object.fromEntries(companies.map((company) => [company.id, pick(company)]));
  const rows: MergeFieldRow[] = [
    { key: 'name', label: t('fields.name'), values: value((c) => c.name) },
    { key: 'kind', label: t('fields.kind'), values: value((c) => tc(`pickers.kinds.${c.kind}`)) },
    { key: 'country', label: t('fields.country'), values: value((c) => regionName(c.country, language)) },
    { key: 'city', label: t('fields.city'), values: value((c) => c.city) },
    { key: 'website', label: t('fields.website'), values: value((c) => c.website) },
    { key: 'notes', label: t('fields.notes'), values: value((c) => c.notes) },
    {
      key: 'accountManager',
      label: t('fields.accountManager'),
      values: value((c) => c.accountManager?.fullName ?? null),
    },
  ];
  const brands = preview?.result?.brands ?? [];

  return (
    <FormDialog
      title={t('dialog.titleCOMPANY')}
      onClose={onClose}
      className="merge-dialog"
      onSubmit={submit}
      submitLabel={t('dialog.merge')}
      saving={merging}
      formErrors={errors}
      formErrorsExtra={
        stale ? (
          <>
            <p>{t('dialog.stale')}</p>
            <Button variant="secondary" size="small" loading={reloading} onClick={() => void reload()}>
              {t('dialog.reload')}
            </Button>
          </>
        ) : null
      }
      intro={<p className="merge-dialog__intro">{t('dialog.intro')}</p>}
    >
      {error && !preview ? (
        <QueryError refetch={refetch}>{t('dialog.loadError')}</QueryError>
      ) : !preview ? (
        <Spinner label={t('dialog.loading')} />
      ) : (
        <>
          {companies.length === ids.length && (
            <MergeChoices
              records={records}
              keepId={state.keepId}
              onKeep={state.setKeepId}
              rows={rows}
              choices={state.choices}
              onChoose={state.choose}
              disabled={merging}
            />
          )}
          <MergePreview
            moves={preview.moves}
            conflicts={preview.conflicts}
            refusals={preview.userErrors.map((userError) => userError.message)}
            united={
              brands.length > 0 ? `${t('dialog.brands')} — ${t('dialog.united', { values: brands.join(', ') })}` : null
            }
            updating={loading}
          />
        </>
      )}
    </FormDialog>
  );
}
