import { useQuery } from '@apollo/client/react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryError } from '../../components/ui/QueryError';
import { Spinner } from '../../components/ui/Spinner';
import type { ConfirmationStatus } from '../../gql/graphql';
import { retryAfterSeconds } from '../../lib/apollo/rateLimit';
import { intlLocale } from '../../lib/i18n/languages';
import { useFormat } from '../../lib/i18n/useFormat';
import { useLanguage } from '../../lib/i18n/useLanguage';
import { ConfirmationForm } from './components/ConfirmationForm';
import { DealConfirmationRequestQuery } from './graphql/confirmation';
import { useLinkLanguage } from './hooks/useLinkLanguage';
import { useWaitText } from './hooks/useWaitText';
import './confirmation.css';

/** A signature day (the API's Date) as written, not shifted by the reader's time zone. */
const DAY = { dateStyle: 'long', timeZone: 'UTC' } as const;

/** A market's name in the page's language (ISO 3166-1 alpha-2 code). */
function useCountryName(): (code: string) => string {
  const [language] = useLanguage();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([intlLocale(language)], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    return (code: string) => {
      try {
        return names?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    };
  }, [language]);
}

/**
 * The public page of a confirmation link (`/confirm/<token>`, no sign-in): the exporter's contact
 * sees the one deal as the agency recorded it, in their own language, and says whether it is
 * right, with how much the agency's help mattered. Nothing else of the agency is shown.
 */
export function ConfirmDealPage() {
  const { t } = useTranslation('confirmation');
  const { t: tc } = useTranslation();
  const { formatDate, formatMoney } = useFormat();
  const countryName = useCountryName();
  const waitText = useWaitText();
  const { token = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(DealConfirmationRequestQuery, {
    variables: { token },
    skip: !token,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const request = data?.dealConfirmationRequest ?? null;
  const languageReady = useLinkLanguage(request?.locale);
  const [answered, setAnswered] = useState<ConfirmationStatus | null>(null);

  let content: ReactNode;
  if (!token) {
    content = <Invalid />;
  } else if ((loading && !data) || !languageReady) {
    content = <Spinner size="large" label={t('loading')} />;
  } else if (error && !data) {
    const seconds = retryAfterSeconds(error);
    content = (
      <QueryError refetch={refetch}>
        {seconds === null ? tc('errors.generic') : t('rateLimited', { wait: waitText(seconds) })}
      </QueryError>
    );
  } else if (!request) {
    content = <Invalid />;
  } else if (answered) {
    content = (
      <div className="ui-stack" role="status">
        <header>
          <h1 className="confirm-page__title">{t('thanks.title', { name: request.contactName })}</h1>
          <p className="confirm-page__lead">{t('thanks.received', { agency: request.agencyName })}</p>
        </header>
        <p>{t(`thanks.${answered}`, { agency: request.agencyName })}</p>
        <p className="ui-note">{t('thanks.close')}</p>
      </div>
    );
  } else {
    const unknown = t('notRecorded');
    content = (
      <div className="ui-stack">
        <header>
          <h1 className="confirm-page__title">{t('title', { agency: request.agencyName })}</h1>
          <p className="confirm-page__lead">
            {t('greeting', { name: request.contactName })}{' '}
            {t('intro', { agency: request.agencyName, exporter: request.exporterName })}
          </p>
        </header>
        <section className="confirm-deal" aria-labelledby="confirm-deal-title">
          <h2 id="confirm-deal-title" className="confirm-deal__title">
            {t('deal.heading')}
          </h2>
          <dl className="confirm-deal__facts">
            <div className="confirm-deal__wide">
              <dt>{t('deal.title')}</dt>
              <dd>{request.dealTitle}</dd>
            </div>
            <div className="confirm-deal__wide">
              <dt>{t('deal.exporter')}</dt>
              <dd>{request.exporterName}</dd>
            </div>
            <div>
              <dt>{t('deal.value')}</dt>
              <dd className="confirm-deal__value">
                {request.recordedValue
                  ? formatMoney(request.recordedValue.amount, request.recordedValue.currency)
                  : unknown}
              </dd>
            </div>
            <div>
              <dt>{t('deal.signedOn')}</dt>
              <dd>{request.recordedClosedOn ? formatDate(request.recordedClosedOn, DAY) : unknown}</dd>
            </div>
            <div>
              <dt>{t('deal.market')}</dt>
              <dd>{request.destinationCountry ? countryName(request.destinationCountry) : unknown}</dd>
            </div>
          </dl>
          <p className="ui-note">
            {t('deal.expires', { date: formatDate(request.expiresAt, { dateStyle: 'long', timeStyle: 'short' }) })}
          </p>
        </section>
        <ConfirmationForm token={token} request={request} onAnswered={setAnswered} />
      </div>
    );
  }

  return (
    <div className="confirm-page">
      <div className="confirm-page__card">{content}</div>
    </div>
  );
}

function Invalid() {
  const { t } = useTranslation('confirmation');
  return (
    <div className="ui-stack">
      <h1 className="confirm-page__title">{t('invalid.title')}</h1>
      <p>{t('invalid.text')}</p>
      <p className="ui-note">{t('invalid.help')}</p>
    </div>
  );
}
