import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../components/ui/Panel';
import { graphql } from '../../../gql';
import { useFormat } from '../../../lib/i18n/useFormat';

export const CompanyAboutFragment = graphql(`
  fragment CompanyAbout_company on Company {
    id
    brands
    notes
    createdAt
  }
`);

export function CompanyAbout({ company }: { company: FragmentType<typeof CompanyAboutFragment> }) {
  const { t } = useTranslation('companies');
  const { formatDate } = useFormat();
  const { data, complete } = useFragment({ fragment: CompanyAboutFragment, from: company });
  if (!complete) return null;
  return (
    <Panel title={t('about.title')}>
      <dl className="company-about">
        <div>
          <dt>{t('about.brands')}</dt>
          <dd>
            {data.brands.length > 0 ? (
              <span className="company-about__brands">
                {data.brands.map((brand) => (
                  <span key={brand} className="company-header__sector">
                    {brand}
                  </span>
                ))}
              </span>
            ) : (
              <span className="companies__muted">{t('about.noBrands')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('about.notes')}</dt>
          <dd className="company-about__notes">
            {data.notes || <span className="companies__muted">{t('about.noNotes')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('about.createdAt')}</dt>
          <dd>{formatDate(data.createdAt, { dateStyle: 'long' })}</dd>
        </div>
      </dl>
    </Panel>
  );
}
