import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable, type SortState } from '../../../components/ui/DataTable';
import { graphql } from '../../../gql';
import type { CompaniesTable_CompanyFragment, CompanyOrderField } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useFormat } from '../../../lib/i18n/useFormat';
import { useSectorName } from '../../../lib/i18n/useSectorName';
import { useCountries } from '../hooks/useCountries';
import { CompanyKindBadge } from './CompanyKindBadge';

export const CompaniesTableFragment = graphql(`
  fragment CompaniesTable_company on Company {
    id
    name
    kind
    country
    city
    createdAt
    sectors {
      id
      names {
        fr
        en
        ru
      }
    }
    accountManager {
      id
      fullName
    }
  }
`);

export interface CompaniesTableProps {
  companies: readonly FragmentType<typeof CompaniesTableFragment>[];
  sort: SortState<CompanyOrderField>;
  onSortChange: (sort: SortState<CompanyOrderField>) => void;
  busy?: boolean;
  empty: ReactNode;
}

export function CompaniesTable({ companies, sort, onSortChange, busy, empty }: CompaniesTableProps) {
  const { t } = useTranslation('companies');
  const { t: tc } = useTranslation();
  const { formatDate } = useFormat();
  const { countryName } = useCountries();
  const sectorName = useSectorName();
  const { data } = useFragment({ fragment: CompaniesTableFragment, from: [...companies] });
  const rows = fragmentRows<CompaniesTable_CompanyFragment>(data);

  const columns: Column<CompaniesTable_CompanyFragment, CompanyOrderField>[] = [
    {
      key: 'name',
      header: t('list.columns.name'),
      sortField: 'NAME',
      render: (company) => (
        <Link className="companies__name-link" to={`/companies/${company.id}`}>
          {company.name}
        </Link>
      ),
    },
    { key: 'kind', header: t('list.columns.kind'), render: (company) => <CompanyKindBadge kind={company.kind} /> },
    {
      key: 'country',
      header: t('list.columns.country'),
      render: (company) => (
        <span className="companies__country">
          <span className="companies__country-code">{company.country}</span>
          {countryName(company.country)}
        </span>
      ),
    },
    { key: 'city', header: t('list.columns.city'), render: (company) => company.city ?? tc('common.unknown') },
    {
      key: 'sectors',
      header: t('list.columns.sectors'),
      secondary: true,
      render: (company) =>
        company.sectors.length > 0 ? (
          <span className="companies__sectors">{company.sectors.map((sector) => sectorName(sector)).join(', ')}</span>
        ) : (
          <span className="companies__muted">{tc('common.unknown')}</span>
        ),
    },
    {
      key: 'manager',
      header: t('list.columns.accountManager'),
      render: (company) =>
        company.accountManager?.fullName ?? <span className="companies__muted">{tc('common.unknown')}</span>,
    },
    {
      key: 'createdAt',
      header: t('list.columns.createdAt'),
      sortField: 'CREATED_AT',
      secondary: true,
      render: (company) => formatDate(company.createdAt),
    },
  ];

  return (
    <DataTable
      caption={t('list.caption')}
      columns={columns}
      rows={rows}
      rowKey={(company) => company.id}
      sort={sort}
      onSortChange={onSortChange}
      busy={busy}
      empty={empty}
    />
  );
}
