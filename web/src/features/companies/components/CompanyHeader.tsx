import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/PageHeader';
import { graphql } from '../../../gql';
import { useSectorName } from '../../../lib/i18n/useSectorName';
import { useCountries } from '../hooks/useCountries';
import { CompanyKindBadge } from './CompanyKindBadge';

export const CompanyHeaderFragment = graphql(`
  fragment CompanyHeader_company on Company {
    id
    name
    kind
    country
    city
    website
    accountManager {
      id
      fullName
    }
    sectors {
      id
      names {
        fr
        en
        ru
      }
    }
  }
`);

/** A website as a short label: "https://www.nex-t.ru/" reads as "nex-t.ru". */
function websiteLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function CompanyHeader({
  company,
  actions,
}: {
  company: FragmentType<typeof CompanyHeaderFragment>;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('companies');
  const { countryName } = useCountries();
  const sectorName = useSectorName();
  const { data, complete } = useFragment({ fragment: CompanyHeaderFragment, from: company });
  if (!complete) return null;

  const place = [data.city, countryName(data.country)].filter(Boolean).join(', ');
  const href = data.website ? safeHref(data.website) : null;

  return (
    <div className="company-header">
      <PageHeader
        eyebrow={<Link to="/companies">{t('company.back')}</Link>}
        title={
          <span className="company-header__title">
            {data.name}
            <CompanyKindBadge kind={data.kind} />
          </span>
        }
        actions={actions}
      />
      <dl className="company-header__facts">
        <div className="company-header__fact">
          <dt>{t('company.location')}</dt>
          <dd>
            <span className="companies__country-code">{data.country}</span>
            {place}
          </dd>
        </div>
        <div className="company-header__fact">
          <dt>{t('company.accountManager')}</dt>
          <dd>{data.accountManager?.fullName ?? t('company.noAccountManager')}</dd>
        </div>
        {data.website && (
          <div className="company-header__fact">
            <dt>{t('company.website')}</dt>
            <dd>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {websiteLabel(data.website)}
                </a>
              ) : (
                data.website
              )}
            </dd>
          </div>
        )}
        <div className="company-header__fact company-header__fact--wide">
          <dt>{t('company.sectors')}</dt>
          <dd className="company-header__sectors">
            {data.sectors.length > 0
              ? data.sectors.map((sector) => (
                  <span key={sector.id} className="company-header__sector">
                    {sectorName(sector)}
                  </span>
                ))
              : t('company.noSectors')}
          </dd>
        </div>
      </dl>
    </div>
  );
}
