import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { ConnectionList } from '../../components/ui/ConnectionList';
import { EmptyState } from '../../components/ui/EmptyState';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { SelectField } from '../../components/ui/SelectField';
import type { MailStatus } from '../../gql/graphql';
import { useUrlParam } from '../../lib/hooks/useUrlSearch';
import { useFormat } from '../../lib/i18n/useFormat';
import { useListPage } from '../../lib/pagination/useListPage';
import { MailSenderForm } from './components/MailSenderForm';
import { MailTable } from './components/MailTable';
import { OutgoingMailQuery } from './graphql/mail';
import './admin.css';

const STATUSES: readonly MailStatus[] = ['PENDING', 'SENDING', 'SENT', 'FAILED'];

/**
 * The mail the CRM sent or will send for the agency, newest first. Without an SMTP server it
 * waits here, PENDING: admins read it and pass its links on by hand.
 */
export function OutgoingMailPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { formatNumber } = useFormat();
  const [statusParam, setStatus] = useUrlParam('status');
  const status = STATUSES.find((value) => value === statusParam) ?? '';

  const filter = status ? { statuses: [status] } : undefined;
  const page = useListPage([filter]);
  const { data, previousData, loading, error, refetch } = useQuery(OutgoingMailQuery, {
    variables: { filter, ...page.variables },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.outgoingMail;

  return (
    <div className="ui-stack admin-page">
      <PageHeader
        title={t('mail.title')}
        subtitle={t('mail.subtitle')}
        actions={
          <Button
            variant="secondary"
            loading={loading && Boolean(connection)}
            onClick={() => void refetch().catch(() => {})}
          >
            {t('mail.refresh')}
          </Button>
        }
      />
      <p className="admin-note" role="note">
        {t('mail.smtpNote')}
      </p>
      <MailSenderForm />

      <FilterBar
        label={t('mail.filters')}
        clear={status ? { label: t('mail.clear'), onClear: () => setStatus('') } : null}
      >
        <SelectField
          label={t('mail.statusFilter')}
          placeholder={tc('common.all')}
          value={status}
          onChange={(event) => setStatus(event.target.value)}
          options={STATUSES.map((value) => ({ value, label: t(`mail.status.${value}`) }))}
        />
      </FilterBar>

      <ConnectionList
        connection={connection}
        error={error}
        refetch={refetch}
        loadingLabel={t('mail.loading')}
        page={page}
        summary={(count) => t('mail.count', { count, formatted: formatNumber(count) })}
      >
        {(mails) => (
          <MailTable
            mails={mails.nodes}
            busy={loading}
            empty={
              status ? (
                <EmptyState
                  title={t('mail.emptyFiltered')}
                  clear={{ label: t('mail.clear'), onClear: () => setStatus('') }}
                />
              ) : (
                <EmptyState title={t('mail.empty')}>{t('mail.emptyHint')}</EmptyState>
              )
            }
          />
        )}
      </ConnectionList>
    </div>
  );
}
