import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { emailDomain, fold, PUBLIC_MAIL_DOMAINS, websiteDomain } from '../../shared/fold.js';
import { msg } from '../../shared/messages/index.js';
import { loadCompanies, loadContacts } from './existing-records.js';
import { ImportPhase } from './import-progress.js';
import {
  type Decisions,
  type ExistingCompany,
  type ExistingContact,
  type Plan,
  type PlanInput,
  RowAction,
} from './plan-model.js';
import type { Table } from './read-file.js';
import {
  byOwnId,
  candidate,
  contactChanges,
  markCreated,
  newRow,
  POSSIBLE_MATCHES,
  settleLookAlikes,
  skippedAsEarlierRow,
  updateOrUnchanged,
} from './row-settlement.js';
import { type ContactValues, contactValues } from './row-values.js';
import { SIMILARITY_THRESHOLD, TrigramIndex, trigrams } from './similarity.js';

export async function planContacts(
  em: EntityManager,
  ctx: Context,
  table: Table,
  input: PlanInput,
  plan: Plan,
  decisions: Decisions,
): Promise<void> {
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
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const byEmail = new Map<string, ExistingContact>();
  const byName = new Map<string, ExistingContact>();
  const index = new TrigramIndex<ExistingContact>();
  for (const contact of contacts) {
    if (contact.email && !byEmail.has(contact.email.toLowerCase())) byEmail.set(contact.email.toLowerCase(), contact);
    const folded = fold(contact.full_name);
    const key = `${folded}|${contact.company_id}`;
    if (!byName.has(key)) byName.set(key, contact);
    index.add(trigrams(folded), contact);
  }
  plan.existingContacts = byId;
  plan.existingCompanies = companyById;

  const fileEmails = new Map<string, number>();
  const fileNames = new Map<string, number>();
  const claimed = new Map<string, number>();
  const fileIndex = new TrigramIndex<{ row: number; values: ContactValues; companyId: string }>();

  input.progress?.phase(ImportPhase.CHECKING, table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    await input.progress?.step(i);
    const row = newRow(table, i);
    plan.rows.push(row);
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

    let target = byOwnId(row, values.id, byId, (contact) => contact.full_name);
    const email = values.email?.toLowerCase();
    if (!target && email) {
      target = byEmail.get(email);
      if (target) row.reasons.push(msg('importReasonSameEmail', { email, name: target.full_name }));
    }
    const nameKey = `${values.folded}|${company.id}`;
    if (!target) {
      target = byName.get(nameKey);
      if (target) row.reasons.push(msg('importReasonSameNameCompany', { name: target.full_name }));
    }
    const sameRow = target
      ? claimed.get(target.id)
      : ((email ? fileEmails.get(email) : undefined) ?? fileNames.get(nameKey));
    if (skippedAsEarlierRow(row, sameRow)) continue;

    let created = false;
    if (!target) {
      const grams = trigrams(values.folded);
      const companyId = company.id;
      row.candidates = [
        ...index
          .similar(grams, SIMILARITY_THRESHOLD, POSSIBLE_MATCHES, (c) => c.company_id === companyId)
          .map(({ value, score }) => candidate({ id: value.id, name: value.full_name, email: value.email, score })),
        ...fileIndex
          .similar(grams, SIMILARITY_THRESHOLD, POSSIBLE_MATCHES, (c) => c.companyId === companyId)
          .map(({ value: earlier, score }) =>
            candidate({ row: earlier.row, name: earlier.values.fullName, email: earlier.values.email, score }),
          ),
      ];
      const settled = settleLookAlikes(row, decisions, byId, (contact) => contact.full_name);
      if (settled.skip) continue;
      created = settled.created;
      target = settled.target;
    }

    if (target) {
      claimed.set(target.id, row.row);
      row.target = { id: target.id, name: target.full_name };
      updateOrUnchanged(row, contactChanges(values, company.id, target));
      continue;
    }
    if (created) {
      markCreated(row);
    }
    if (email) fileEmails.set(email, row.row);
    fileNames.set(nameKey, row.row);
    fileIndex.add(trigrams(values.folded), { row: row.row, values, companyId: company.id });
  }
}
