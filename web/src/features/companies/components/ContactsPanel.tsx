import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/export/ExportMenu';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { Panel } from '../../../components/ui/Panel';
import { graphql } from '../../../gql';
import type { ContactsPanel_ContactFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { ContactFormDialog, type ContactFormFragment } from './ContactFormDialog';

export const ContactsPanelFragment = graphql(`
  fragment ContactsPanel_contact on Contact {
    id
    fullName
    jobTitle
    email
    phone
    languages
  }
`);

type ContactRef = { id: string } & FragmentType<typeof ContactsPanelFragment> &
  FragmentType<typeof ContactFormFragment>;

export function ContactsPanel({
  company,
  contacts,
  total,
  canEdit,
}: {
  company: { id: string; name: string };
  contacts: readonly ContactRef[];
  total: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation('companies');
  const [editing, setEditing] = useState<ContactRef | null>(null);
  const [creating, setCreating] = useState(false);
  const { data } = useFragment({ fragment: ContactsPanelFragment, from: [...contacts] });
  const rows = fragmentRows<ContactsPanel_ContactFragment>(data);

  const addButton = canEdit ? (
    <Button variant="secondary" size="small" onClick={() => setCreating(true)}>
      {t('contacts.add')}
    </Button>
  ) : null;

  return (
    <Panel
      title={
        <>
          {t('contacts.title')} <span className="companies__count">{total}</span>
        </>
      }
      actions={
        <>
          {total > 0 && <ExportMenu list="contacts" filter={{ companyIds: [company.id] }} />}
          {addButton}
        </>
      }
    >
      {rows.length === 0 ? (
        <EmptyState title={t('contacts.emptyTitle')}>{t('contacts.emptyText')}</EmptyState>
      ) : (
        <ul className="side-list">
          {rows.map((contact) => (
            <li key={contact.id} className="side-list__item side-list__item--contact">
              <span className="contact-avatar" aria-hidden="true">
                {contact.fullName.trim().charAt(0).toUpperCase()}
              </span>
              <div className="side-list__main">
                <span className="side-list__title">{contact.fullName}</span>
                {contact.jobTitle && <span className="side-list__meta">{contact.jobTitle}</span>}
                <span className="side-list__contact-lines">
                  {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
                  {contact.phone && <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>}
                  {contact.languages.length > 0 && (
                    <span className="side-list__meta">
                      {contact.languages.map((code) => code.toUpperCase()).join(' · ')}
                    </span>
                  )}
                </span>
              </div>
              {canEdit && (
                <Button
                  variant="ghost"
                  size="small"
                  aria-label={t('contacts.editNamed', { name: contact.fullName })}
                  onClick={() => setEditing(contacts.find((ref) => ref.id === contact.id) ?? null)}
                >
                  {t('contacts.edit')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ContactFormDialog open={creating} onClose={() => setCreating(false)} company={company} />
      <ContactFormDialog open={Boolean(editing)} onClose={() => setEditing(null)} contact={editing} company={company} />
    </Panel>
  );
}
