import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CompanyOption, CompanyPicker } from '../../../components/pickers/CompanyPicker';
import { FormDialog } from '../../../components/ui/FormDialog';
import { EmailField, TextField } from '../../../components/ui/TextField';
import { graphql } from '../../../gql';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { CreateContactMutation, UpdateContactMutation } from '../graphql/contacts';

export const ContactFormFragment = graphql(`
  fragment ContactForm_contact on Contact {
    id
    fullName
    jobTitle
    email
    phone
    languages
    company {
      id
      name
    }
  }
`);

const FIELDS = ['companyId', 'fullName', 'jobTitle', 'email', 'phone', 'languages'] as const;
type FieldName = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<FieldName, string>>;

export interface ContactFormDialogProps {
  open: boolean;
  onClose: () => void;
  /** The contact to edit; without it the dialog creates one. */
  contact?: FragmentType<typeof ContactFormFragment> | null;
  /** The company a new contact joins; without it the form asks for one. */
  company?: CompanyOption | null;
}

export function ContactFormDialog(props: ContactFormDialogProps) {
  if (!props.open) return null;
  return <ContactForm {...props} />;
}

function parseLanguages(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
}

function ContactForm({ onClose, contact, company: fixedCompany }: ContactFormDialogProps) {
  const { t } = useTranslation('companies');
  const { t: tc } = useTranslation();
  const { data: existing } = useFragment({ fragment: ContactFormFragment, from: contact ?? null });
  const editing = Boolean(contact && existing?.id);

  const [company, setCompany] = useState<CompanyOption | null>(() =>
    existing?.company?.id && existing.company.name
      ? { id: existing.company.id, name: existing.company.name }
      : (fixedCompany ?? null),
  );
  const [fullName, setFullName] = useState(existing?.fullName ?? '');
  const [jobTitle, setJobTitle] = useState(existing?.jobTitle ?? '');
  const [email, setEmail] = useState(existing?.email ?? '');
  const [phone, setPhone] = useState(existing?.phone ?? '');
  const [languages, setLanguages] = useState((existing?.languages ?? []).join(', '));
  const askCompany = !fixedCompany;
  const { errors, formErrors, saving, submit, showChecks } = useMutationForm(askCompany ? FIELDS : FIELDS.slice(1));

  const [createContact] = useMutation(CreateContactMutation);
  const [updateContact] = useMutation(UpdateContactMutation);

  function handleSubmit() {
    const required: FieldErrors = {};
    if (!fullName.trim()) required.fullName = tc('common.required');
    if (!company) required.companyId = tc('common.required');
    if (!company) {
      showChecks(required);
      return;
    }

    const fields = {
      fullName: fullName.trim(),
      jobTitle: jobTitle.trim() || null,
      email: email.trim() || null,
      phone: phone.trim() || null,
      languages: parseLanguages(languages),
    };
    return submit(
      async () => {
        if (editing && existing?.id) {
          const { data } = await updateContact({
            variables: {
              input: {
                contactId: existing.id,
                ...fields,
                ...(company.id !== existing.company?.id ? { companyId: company.id } : {}),
              },
            },
            update(cache, { data: result }) {
              // Moved to another company: the companies' lists of people are stale.
              if (result?.updateContact.contact && company.id !== existing.company?.id) {
                for (const id of [company.id, existing.company?.id]) {
                  if (id) cache.evict({ id: cache.identify({ __typename: 'Company', id }), fieldName: 'contacts' });
                }
              }
            },
          });
          return data?.updateContact;
        }
        const { data } = await createContact({
          variables: { input: { companyId: company.id, ...fields } },
          update(cache, { data: result }) {
            if (!result?.createContact.contact) return;
            // The company page and the contacts list ask the server for their new list.
            cache.evict({ id: cache.identify({ __typename: 'Company', id: company.id }), fieldName: 'contacts' });
            cache.evict({ id: 'ROOT_QUERY', fieldName: 'contacts' });
            cache.gc();
          },
        });
        return data?.createContact;
      },
      { check: required, onSuccess: onClose },
    );
  }

  return (
    <FormDialog
      title={editing ? t('contactForm.editTitle') : t('contactForm.createTitle')}
      onClose={onClose}
      onSubmit={handleSubmit}
      submitLabel={saving ? tc('common.saving') : editing ? tc('common.save') : t('contactForm.create')}
      saving={saving}
      formErrors={formErrors}
      formClassName="ui-stack company-form"
    >
      {askCompany && (
        <CompanyPicker
          label={t('contactForm.company')}
          value={company}
          onChange={setCompany}
          error={errors.companyId}
          required
        />
      )}
      <TextField
        label={t('contactForm.fullName')}
        name="fullName"
        required
        autoComplete="off"
        value={fullName}
        onChange={(event) => setFullName(event.target.value)}
        error={errors.fullName}
      />
      <TextField
        label={t('contactForm.jobTitle')}
        name="jobTitle"
        autoComplete="off"
        value={jobTitle}
        onChange={(event) => setJobTitle(event.target.value)}
        error={errors.jobTitle}
      />
      <div className="company-form__row">
        <EmailField
          label={t('contactForm.email')}
          name="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <TextField
          label={t('contactForm.phone')}
          name="phone"
          type="tel"
          autoComplete="off"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          error={errors.phone}
        />
      </div>
      <TextField
        label={t('contactForm.languages')}
        name="languages"
        autoComplete="off"
        value={languages}
        onChange={(event) => setLanguages(event.target.value)}
        error={errors.languages}
        hint={t('contactForm.languagesHint')}
      />
    </FormDialog>
  );
}
