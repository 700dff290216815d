import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { MergeContactFieldsInput } from '../../../gql/graphql';
import { MergeContactsMutation, MergeContactsPreviewQuery } from '../graphql/merge';
import type { MergeFieldRow, MergeRecord } from './MergeChoices';
import { MergeDialog, usePreviewRecords, valuesOf } from './MergeDialog';
import { useMergeState } from './useMergeState';

const FIELDS = ['fullName', 'jobTitle', 'email', 'phone'] as const;

/** Review and merge contacts; on success the kept contact's company opens. */
export function ContactMergeDialog({ ids, onClose }: { ids: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation('merge');
  const state = useMergeState(ids, FIELDS);
  const input = { ...state.input, fields: state.input.fields as MergeContactFieldsInput };

  const { data, previousData, loading, error, refetch } = useQuery(MergeContactsPreviewQuery, {
    variables: { input },
    fetchPolicy: 'network-only',
  });
  const preview = (data ?? previousData)?.mergeContactsPreview;
  const contacts = usePreviewRecords(ids, preview, state);
  const [mergeContacts, { loading: merging }] = useMutation(MergeContactsMutation);

  const records: MergeRecord[] = contacts.map((contact) => ({
    id: contact.id,
    title: contact.fullName,
    subtitle: t('page.of', { company: contact.company.name }),
  }));
  const rows: MergeFieldRow[] = [
    { key: 'fullName', label: t('fields.fullName'), values: valuesOf(contacts, (c) => c.fullName) },
    { key: 'jobTitle', label: t('fields.jobTitle'), values: valuesOf(contacts, (c) => c.jobTitle) },
    { key: 'email', label: t('fields.email'), values: valuesOf(contacts, (c) => c.email) },
    { key: 'phone', label: t('fields.phone'), values: valuesOf(contacts, (c) => c.phone) },
  ];
  const languages = preview?.result?.languages ?? [];

  return (
    <MergeDialog
      ids={ids}
      title={t('dialog.titleCONTACT')}
      state={state}
      preview={preview}
      loading={loading}
      error={error}
      refetch={async () => (await refetch()).data?.mergeContactsPreview}
      records={records}
      rows={rows}
      united={
        languages.length > 0
          ? `${t('dialog.languages')} — ${t('dialog.united', { values: languages.join(', ') })}`
          : null
      }
      merge={async (seen) => (await mergeContacts({ variables: { input: { ...input, seen } } })).data?.mergeContacts}
      merging={merging}
      outcome={(payload) =>
        payload.contact
          ? {
              evict: [
                ...ids.map((id) => ({ __typename: 'Contact' as const, id })),
                ...[...new Set(contacts.map((contact) => contact.company.id))].map((id) => ({
                  __typename: 'Company' as const,
                  id,
                })),
              ],
              open: `/companies/${payload.contact.company.id}`,
            }
          : null
      }
      onClose={onClose}
    />
  );
}
