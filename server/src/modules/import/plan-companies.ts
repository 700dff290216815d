import { fold, websiteDomain } from '../../shared/fold.js';
import { msg } from '../../shared/messages/index.js';
import { agencyQuery, sql } from '../../shared/sql.js';
import { CompanyKind } from '../company/company.enums.js';
import { loadCompanies, loadLookups } from './existing-records.js';
import { ImportKind } from './import.enums.js';
import { type ExistingCompany, RowAction, type RowPlanner } from './plan-model.js';
import { RecordMatcher } from './record-matcher.js';
import { companyChanges, plannedRows, updateOrUnchanged } from './row-settlement.js';
import { companyValues, participantValues } from './row-values.js';

export const planCompanies: RowPlanner = async (em, ctx, table, input, plan, decisions) => {
  const agencyId = ctx.viewer!.agencyId;
  const delegation = input.kind === ImportKind.DELEGATION;
  const lookups = await loadLookups(em, agencyId);
  const companies = await loadCompanies(em, agencyId);
  let participants = new Set<string>();
  if (delegation && input.missionId) {
    const rows = await agencyQuery<{ company_id: string }>(
      em,
      sql`select company_id from mission_participant where agency_id = ${agencyId} and mission_id = ${input.missionId}`,
    );
    participants = new Set(rows.map((row) => row.company_id));
  }

  const matcher = new RecordMatcher<ExistingCompany>((company) => company.name, {
    unique: (domain, company) => msg('importReasonSameDomain', { domain, name: company.name }),
    name: (company) => msg('importReasonSameName', { name: company.name }),
  });
  for (const company of companies) {
    const { country, city, website } = company;
    const keys = { unique: websiteDomain(website), folded: fold(company.name), group: country };
    matcher.addRecord(company, keys, { country, city, website });
  }
  plan.existingCompanies = matcher.byId;

  for await (const row of plannedRows(table, plan, input.progress)) {
    const { values, errors } = await companyValues(row.cells, input.mapping, lookups, CompanyKind.EXPORTER);
    row.company = values;
    row.label = values.name;
    if (delegation) {
      const participant = await participantValues(row.cells, input.mapping);
      row.participant = participant.values;
      errors.push(...participant.errors);
      if (values.given.has('kind') && values.kind !== CompanyKind.EXPORTER && errors.length === 0) {
        errors.push({ column: null, field: 'kind', text: msg('importNotAnExporter', { name: values.name }) });
      }
    }
    if (errors.length > 0) {
      row.action = RowAction.ERROR;
      row.errors = errors;
      continue;
    }

    const { name, country, city, website } = values;
    const keys = { unique: values.domain, folded: values.folded, group: country };
    const match = matcher.match(row, values.id, keys, { name, country, city, website }, decisions);
    if (match === 'created') {
      if (delegation) row.reasons.push(msg('importReasonJoins', { name: values.name }));
    } else if (match !== 'settled') {
      const { target } = match;
      if (delegation) {
        if (target.kind !== CompanyKind.EXPORTER) {
          row.action = RowAction.ERROR;
          row.errors = [{ column: null, field: null, text: msg('importNotAnExporter', { name: target.name }) }];
        } else if (participants.has(target.id)) {
          row.action = RowAction.UNCHANGED;
          row.reasons.push(msg('importReasonInDelegation', { name: target.name }));
        } else {
          row.action = RowAction.LINK;
          row.reasons.push(msg('importReasonJoins', { name: target.name }));
        }
      } else {
        updateOrUnchanged(row, companyChanges(values, target));
      }
    }
  }
};
