import { useMutation, useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { CopyField } from '../../components/ui/CopyField';
import { type Column, DataTable } from '../../components/ui/DataTable';
import { Dialog } from '../../components/ui/Dialog';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { PageHeader } from '../../components/ui/PageHeader';
import { Panel } from '../../components/ui/Panel';
import { Spinner } from '../../components/ui/Spinner';
import { graphql } from '../../gql';
import type { ApiTokensPage_TokenFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/i18n/useFormat';
import { CreateTokenDialog } from './components/CreateTokenDialog';
import { curlExample } from './curl';
import { ApiTokensQuery, RevokeApiTokenMutation } from './graphql/apiTokens';
import './api-access.css';
import { QueryError } from '../../components/ui/QueryError';

/** @public A document graphql-codegen reads; the page's query selects it unmasked, for its rows. */
export const ApiTokensPageFragment = graphql(`
  fragment ApiTokensPage_token on ApiToken {
    id
    name
    prefix
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

type TokenRow = ApiTokensPage_TokenFragment;
type TokenState = 'active' | 'expired' | 'revoked';

function stateOf(token: TokenRow, now: number): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

export function ApiTokensPage() {
  const { t } = useTranslation('apiAccess');
  const { t: tc } = useTranslation();
  const { formatDate } = useFormat();
  const { data, loading, error, refetch } = useQuery(ApiTokensQuery);
  const [creating, setCreating] = useState(false);
  const [toRevoke, setToRevoke] = useState<TokenRow | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [revoke, { loading: revoking }] = useMutation(RevokeApiTokenMutation);
  const now = Date.now();

  async function confirmRevoke() {
    if (!toRevoke) return;
    setRevokeError(null);
    try {
      const { data: result } = await revoke({ variables: { input: { apiTokenId: toRevoke.id } } });
      const errors = result?.revokeApiToken.userErrors ?? [];
      if (errors.length > 0) {
        setRevokeError(errors.map((e) => e.message).join(' '));
        return;
      }
      setToRevoke(null);
    } catch {
      setRevokeError(tc('errors.generic'));
    }
  }

  const dateTime = (value: string) => formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
  const columns: Column<TokenRow>[] = [
    {
      key: 'name',
      header: t('tokens.columns.name'),
      render: (token) => (
        <span className="api-access-token">
          <span className="api-access-token__name">{token.name}</span>
          <code className="api-access-token__prefix">{token.prefix}…</code>
        </span>
      ),
    },
    {
      key: 'status',
      header: t('tokens.columns.status'),
      render: (token) => {
        const state = stateOf(token, now);
        return (
          <Badge tone={state === 'active' ? 'success' : state === 'expired' ? 'warning' : 'neutral'}>
            {t(`tokens.state.${state}`)}
          </Badge>
        );
      },
    },
    {
      key: 'lastUsed',
      header: t('tokens.columns.lastUsed'),
      render: (token) =>
        token.lastUsedAt ? (
          <time dateTime={token.lastUsedAt}>{dateTime(token.lastUsedAt)}</time>
        ) : (
          <span className="api-access-muted">{t('tokens.neverUsed')}</span>
        ),
    },
    {
      key: 'created',
      header: t('tokens.columns.created'),
      secondary: true,
      render: (token) => <time dateTime={token.createdAt}>{formatDate(token.createdAt)}</time>,
    },
    {
      key: 'expires',
      header: t('tokens.columns.expires'),
      render: (token) =>
        token.revokedAt ? (
          <span className="api-access-muted">{t('tokens.revokedOn', { date: formatDate(token.revokedAt) })}</span>
        ) : token.expiresAt ? (
          <time dateTime={token.expiresAt}>{formatDate(token.expiresAt)}</time>
        ) : (
          <span className="api-access-muted">{t('tokens.noExpiry')}</span>
        ),
    },
    {
      key: 'actions',
      header: tc('common.actions'),
      align: 'end',
      render: (token) =>
        stateOf(token, now) === 'revoked' ? null : (
          <Button
            size="small"
            variant="ghost"
            className="api-access-danger-text"
            aria-label={t('tokens.revokeToken', { name: token.name })}
            onClick={() => {
              setRevokeError(null);
              setToRevoke(token);
            }}
          >
            {t('tokens.revoke')}
          </Button>
        ),
    },
  ];

  let tokens: ReactNode;
  if (loading && !data) tokens = <Spinner label={t('tokens.loading')} />;
  else if (error || !data) {
    tokens = <QueryError refetch={refetch} />;
  } else {
    tokens = (
      <DataTable
        caption={t('tokens.title')}
        columns={columns}
        rows={data.apiTokens}
        rowKey={(token) => token.id}
        empty={
          <EmptyState
            title={t('tokens.empty')}
            action={<Button onClick={() => setCreating(true)}>{t('tokens.create')}</Button>}
          >
            {t('tokens.emptyHint')}
          </EmptyState>
        }
      />
    );
  }

  const origin = window.location.origin;
  return (
    <div className="ui-stack api-access-page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <a className="ui-button ui-button--secondary ui-button--medium" href="/graphiql">
              {t('graphiql.open')}
            </a>
            <Button onClick={() => setCreating(true)}>{t('tokens.create')}</Button>
          </>
        }
      />
      <div className="api-access-grid">
        <Panel title={t('tokens.title')} className="api-access-grid__main">
          {tokens}
        </Panel>
        <div className="ui-stack api-access-grid__side">
          <section className="api-access-callout" aria-labelledby="graphiql-heading">
            <h2 id="graphiql-heading" className="api-access-callout__title">
              {t('graphiql.title')}
            </h2>
            <p>{t('graphiql.text')}</p>
            <a className="api-access-callout__link" href="/graphiql">
              {t('graphiql.open')} <span aria-hidden="true">→</span>
            </a>
          </section>
          <Panel title={t('docs.title')}>
            <div className="api-access-docs">
              <ol className="api-access-docs__steps">
                <li>{t('docs.step1')}</li>
                <li>
                  {t('docs.step2')} <code>Authorization: Bearer &lt;token&gt;</code>
                </li>
                <li>
                  {t('docs.step3')} <code className="api-access-docs__url">{origin}/graphql</code>
                </li>
              </ol>
              <CopyField label={t('docs.curlLabel')} value={curlExample(origin, '$CRM_TOKEN')} multiline labelButton />
              <ul className="api-access-docs__notes">
                <li>{t('docs.noteSecret')}</li>
                <li>{t('docs.notePaging')}</li>
                <li>{t('docs.noteLimits')}</li>
                <li>{t('docs.noteRole')}</li>
              </ul>
            </div>
          </Panel>
        </div>
      </div>

      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />

      <Dialog
        open={toRevoke !== null}
        title={t('tokens.revokeTitle', { name: toRevoke?.name ?? '' })}
        onClose={() => setToRevoke(null)}
        closeLabel={tc('common.close')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setToRevoke(null)}>
              {tc('common.cancel')}
            </Button>
            <Button variant="danger" loading={revoking} onClick={() => void confirmRevoke()}>
              {t('tokens.revoke')}
            </Button>
          </>
        }
      >
        <div className="ui-stack api-access-form">
          {revokeError && <ErrorMessage>{revokeError}</ErrorMessage>}
          <p>{t('tokens.revokeText')}</p>
        </div>
      </Dialog>
    </div>
  );
}
