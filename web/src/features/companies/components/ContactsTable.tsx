import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { type Column, DataTable, type SortState } from '../../../components/ui/DataTable';
import { graphql } from '../../../gql';
import type { ContactOrderField, ContactsTable_ContactFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useFormat } from '../../../lib/i18n/useFormat';

export const ContactsTableFragment = graphql(`
  fragment ContactsTable_contact on Contact {
    id
    fullName
    jobTitle
    email
    phone
    createdAt
    company {
      id
      name
      kind
    }
  }
`);

export interface ContactsTableProps {
  contacts: readonly FragmentType<typeof ContactsTableFragment>[];
  sort: SortState<ContactOrderField>;
  onSortChange: (sort: SortState<ContactOrderField>) => void;
  busy?: boolean;
  empty: ReactNode;
  /** Editors get an edit button per row. */
  onEdit?: (contactId: string) => void;
}

export function ContactsTable({ contacts, sort, onSortChange, busy, empty, onEdit }: ContactsTableProps) {
  const { t } = useTranslation('companies');
  const { t: tc } = useTranslation();
  const { formatDate } = useFormat();
  const { data } = useFragment({ fragment: ContactsTableFragment, from: [...contacts] });
  const rows = fragmentRows<ContactsTable_ContactFragment>(data);
  const none = <span className="companies__muted">{tc('common.unknown')}</span>;

  const columns: Column<ContactsTable_ContactFragment, ContactOrderField>[] = [
    {
      key: 'name',
      header: t('contactList.columns.name'),
      sortField: 'FULL_NAME',
      render: (contact) => <span className="contacts__name">{contact.fullName}</span>,
    },
    {
      key: 'company',
      header: t('contactList.columns.company'),
      render: (contact) => (
        <Link className="contacts__company" to={`/companies/${contact.company.id}`}>
          {contact.company.name}
        </Link>
      ),
    },
    { key: 'jobTitle', header: t('contactList.columns.jobTitle'), render: (contact) => contact.jobTitle ?? none },
    {
      key: 'email',
      header: t('contactList.columns.email'),
      render: (contact) => (contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : none),
    },
    {
      key: 'phone',
      header: t('contactList.columns.phone'),
      secondary: true,
      render: (contact) =>
        contact.phone ? (
          <a className="contacts__phone" href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>
            {contact.phone}
          </a>
        ) : (
          none
        ),
    },
    {
      key: 'createdAt',
      header: t('contactList.columns.createdAt'),
      sortField: 'CREATED_AT',
      secondary: true,
      render: (contact) => formatDate(contact.createdAt),
    },
  ];
  if (onEdit) {
    columns.push({
      key: 'actions',
      header: tc('common.actions'),
      align: 'end',
      render: (contact) => (
        <Button
          variant="ghost"
          size="small"
          aria-label={t('contacts.editNamed', { name: contact.fullName })}
          onClick={() => onEdit(contact.id)}
        >
          {t('contacts.edit')}
        </Button>
      ),
    });
  }

  return (
    <DataTable
      caption={t('contactList.caption')}
      columns={columns}
      rows={rows}
      rowKey={(contact) => contact.id}
      sort={sort}
      onSortChange={onSortChange}
      busy={busy}
      empty={empty}
    />
  );
}
