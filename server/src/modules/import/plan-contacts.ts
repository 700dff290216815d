import { emailDomain, fold, PUBLIC_MAIL_DOMAINS, websiteDomain } from '../../shared/fold.js';
import { msg } from '../../shared/messages/index.js';
import { loadCompanies, loadContacts } from './existing-records.js';
import { type ExistingCompany, type ExistingContact, RowAction, type RowPlanner } from './plan-model.js';
import { RecordMatcher } from './record-matcher.js';
import { contactChanges, plannedRows, updateOrUnchanged } from './row-settlement.js';
import { contactValues } from './row-values.js';

export const planContacts: RowPlanner = async (em, ctx, table, input, plan, decisions) => {
  const agencyId = ctx.viewer!.agencyId;
  const companies = await loadCompanies(em, agencyId);
  const contacts = await loadContacts(em, agencyId);
  const companiesByName = new Map<string, ExistingCompany[]>();
  const companiesByDomain = new Map<string, ExistingCompany>();
  const companyById = new Map(companies.map((company) => [company.id, company]));
  for (const company of companies) {
    const key = fold(company.name);
    companiesByName.set(key, [...(companiesByName.get(key) ?? []), company]);
    const domain = websiteDomain(company.website);
    if (domain && !companiesByDomain.has(domain)) companiesByDomain.set(domain, company);
  }
  const matcher = new RecordMatcher<ExistingContact>((contact) => contact.full_name, {
    unique: (email, contact) => msg('importReasonSameEmail', { email, name: contact.full_name }),
    name: (contact) => msg('importReasonSameNameCompany', { name: contact.full_name }),
  });
  for (const contact of contacts) {
    const keys = {
      unique: contact.email?.toLowerCase() ?? null,
      folded: fold(contact.full_name),
      group: contact.company_id,
    };
    matcher.addRecord(contact, keys, { email: contact.email });
  }
  plan.existingContacts = matcher.byId;
  plan.existingCompanies = companyById;

  for await (const row of plannedRows(table, plan, input.progress)) {
    const { values, errors } = await contactValues(row.cells, input.mapping);
    row.contact = values;
    row.label = values.fullName;
    let company: ExistingCompany | undefined;
    if (values.company) {
      const named = (companiesByName.get(fold(values.company)) ?? []).filter(
        (candidate) => !values.companyCountry || candidate.country === values.companyCountry,
      );
      const domain = emailDomain(values.email);
      if (named.length === 1) company = named[0];
      else if (named.length === 0 && domain && !PUBLIC_MAIL_DOMAINS.has(domain))
        company = companiesByDomain.get(domain);
      const column = input.mapping.indexOf('company');
      if (named.length > 1) {
        errors.push({ column, field: 'company', text: msg('importAmbiguousCompany', { value: values.company }) });
      } else if (!company) {
        errors.push({ column, field: 'company', text: msg('importUnknownCompany', { value: values.company }) });
      }
    }
    if (errors.length > 0 || !company) {
      row.action = RowAction.ERROR;
      row.errors = errors;
      continue;
    }
    row.companyId = company.id;

    const keys = { unique: values.email?.toLowerCase() ?? null, folded: values.folded, group: company.id };
    const match = matcher.match(row, values.id, keys, { name: values.fullName, email: values.email }, decisions);
    if (typeof match === 'object') updateOrUnchanged(row, contactChanges(values, company.id, match.target));
  }
};
