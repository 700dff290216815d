import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserSelect } from '../../../components/pickers/UserSelect';
import { FormDialog } from '../../../components/ui/FormDialog';
import { SelectField } from '../../../components/ui/SelectField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import { graphql } from '../../../gql';
import type { CompanyKind } from '../../../gql/graphql';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import type { UserErrorLike } from '../../../lib/forms/userErrors';
import { CreateCompanyMutation, UpdateCompanyMutation } from '../graphql/companies';
import { useCountries } from '../hooks/useCountries';
import { COMPANY_KINDS } from './CompanyKindBadge';
import { SectorCheckboxes } from './SectorCheckboxes';

export const CompanyFormFragment = graphql(`
  fragment CompanyForm_company on Company {
    id
    name
    kind
    country
    city
    website
    brands
    notes
    sectors {
      id
    }
    accountManager {
      id
      fullName
    }
  }
`);

const FIELDS = [
  'name',
  'kind',
  'country',
  'city',
  'website',
  'sectorIds',
  'accountManagerId',
  'brands',
  'notes',
] as const;
type FieldName = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<FieldName, string>>;

interface FormValues {
  name: string;
  kind: CompanyKind | '';
  country: string;
  city: string;
  website: string;
  sectorIds: string[];
  accountManagerId: string;
  brands: string;
  notes: string;
}

export interface SavedCompany {
  id: string;
  name: string;
}

export interface CompanyFormDialogProps {
  open: boolean;
  onClose: () => void;
  /** The company to edit; without it the dialog creates one. */
  company?: FragmentType<typeof CompanyFormFragment> | null;
  onSaved?: (company: SavedCompany) => void;
}

/** Create or edit a company. Rendered only while open, so each opening starts from the record. */
export function CompanyFormDialog(props: CompanyFormDialogProps) {
  if (!props.open) return null;
  return <CompanyForm {...props} />;
}

function parseBrands(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((brand) => brand.trim())
    .filter(Boolean);
}

function CompanyForm({ onClose, company, onSaved }: CompanyFormDialogProps) {
  const { t } = useTranslation('companies');
  const { t: tc } = useTranslation();
  const { options: countryOptions } = useCountries();
  const { data: existing } = useFragment({ fragment: CompanyFormFragment, from: company ?? null });
  const editing = Boolean(company && existing?.id);

  const [values, setValues] = useState<FormValues>(() => ({
    name: existing?.name ?? '',
    kind: existing?.kind ?? '',
    country: existing?.country ?? '',
    city: existing?.city ?? '',
    website: existing?.website ?? '',
    sectorIds: (existing?.sectors ?? []).flatMap((sector) => (sector?.id ? [sector.id] : [])),
    accountManagerId: existing?.accountManager?.id ?? '',
    brands: (existing?.brands ?? []).join(', '),
    notes: existing?.notes ?? '',
  }));
  const { errors, formErrors, existingId, saving, submit, showChecks } = useMutationForm(FIELDS);

  const [createCompany] = useMutation(CreateCompanyMutation);
  const [updateCompany] = useMutation(UpdateCompanyMutation);

  function set<K extends keyof FormValues>(key: K, value: FormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function handleSubmit() {
    const required: FieldErrors = {};
    if (!values.name.trim()) required.name = tc('common.required');
    if (!values.kind) required.kind = tc('common.required');
    if (!values.country) required.country = tc('common.required');
    const kind = values.kind;
    if (!kind) {
      showChecks(required);
      return;
    }

    const common = {
      name: values.name.trim(),
      kind,
      country: values.country,
      city: values.city.trim() || null,
      website: values.website.trim() || null,
      sectorIds: values.sectorIds,
      accountManagerId: values.accountManagerId || null,
      brands: parseBrands(values.brands),
      notes: values.notes.trim() || null,
    };

    const save = async (): Promise<
      { company: SavedCompany | null; userErrors: readonly UserErrorLike[] } | undefined
    > => {
      if (editing && existing?.id) {
        const { data } = await updateCompany({ variables: { input: { companyId: existing.id, ...common } } });
        return data?.updateCompany;
      }
      const { data } = await createCompany({
        variables: { input: common },
        update(cache, { data: result }) {
          // The lists and pickers that show companies ask the server again.
          if (result?.createCompany.company) {
            cache.evict({ id: 'ROOT_QUERY', fieldName: 'companies' });
            cache.gc();
          }
        },
      });
      return data?.createCompany;
    };
    return submit(save, {
      check: required,
      onSuccess: ({ company }) => {
        if (!company) return;
        onSaved?.({ id: company.id, name: company.name });
        onClose();
      },
    });
  }

  const duplicateLink = existingId ? (
    <Link to={`/companies/${existingId}`} className="company-form__existing" onClick={onClose}>
      {t('form.openExisting')}
    </Link>
  ) : undefined;

  return (
    <FormDialog
      title={editing ? t('form.editTitle') : t('form.createTitle')}
      onClose={onClose}
      onSubmit={handleSubmit}
      submitLabel={saving ? tc('common.saving') : editing ? tc('common.save') : t('form.create')}
      saving={saving}
      formErrors={formErrors}
      formErrorsExtra={!errors.name && duplicateLink}
      formClassName="ui-stack company-form"
    >
      <TextField
        label={t('form.name')}
        name="name"
        required
        autoComplete="off"
        value={values.name}
        onChange={(event) => set('name', event.target.value)}
        error={errors.name}
        hint={errors.name ? undefined : t('form.nameHint')}
      />
      {errors.name && duplicateLink && <p className="company-form__duplicate">{duplicateLink}</p>}
      <div className="company-form__row">
        <SelectField
          label={t('form.kind')}
          name="kind"
          required
          placeholder={tc('common.choose')}
          options={COMPANY_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          value={values.kind}
          onChange={(event) => set('kind', event.target.value as CompanyKind | '')}
          error={errors.kind}
        />
        <SelectField
          label={t('form.country')}
          name="country"
          required
          placeholder={tc('common.choose')}
          options={countryOptions}
          value={values.country}
          onChange={(event) => set('country', event.target.value)}
          error={errors.country}
        />
      </div>
      <div className="company-form__row">
        <TextField
          label={t('form.city')}
          name="city"
          value={values.city}
          onChange={(event) => set('city', event.target.value)}
          error={errors.city}
        />
        <TextField
          label={t('form.website')}
          name="website"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={values.website}
          onChange={(event) => set('website', event.target.value)}
          error={errors.website}
        />
      </div>
      <UserSelect
        label={t('form.accountManager')}
        placeholder={tc('common.none')}
        value={values.accountManagerId}
        current={
          existing?.accountManager?.id && existing.accountManager.fullName
            ? { id: existing.accountManager.id, fullName: existing.accountManager.fullName }
            : null
        }
        onChange={(id) => set('accountManagerId', id)}
        error={errors.accountManagerId}
      />
      <SectorCheckboxes
        legend={t('form.sectors')}
        value={values.sectorIds}
        onChange={(ids) => set('sectorIds', ids)}
        error={errors.sectorIds}
      />
      <TextField
        label={t('form.brands')}
        name="brands"
        value={values.brands}
        onChange={(event) => set('brands', event.target.value)}
        error={errors.brands}
        hint={t('form.brandsHint')}
      />
      <TextAreaField
        label={t('form.notes')}
        name="notes"
        value={values.notes}
        onChange={(event) => set('notes', event.target.value)}
        error={errors.notes}
      />
    </FormDialog>
  );
}
