import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { fold, websiteDomain } from '../../shared/fold.js';
import { msg } from '../../shared/messages/index.js';
import { agencyQuery, sql } from '../../shared/sql.js';
import { CompanyKind } from '../company/company.enums.js';
import { loadCompanies, loadLookups } from './existing-records.js';
import { ImportKind } from './import.enums.js';
import { ImportPhase } from './import-progress.js';
import { type Decisions, type ExistingCompany, type Plan, type PlanInput, RowAction } from './plan-model.js';
import type { Table } from './read-file.js';
import {
  byOwnId,
  candidate,
  companyChanges,
  markCreated,
  newRow,
  POSSIBLE_MATCHES,
  settleLookAlikes,
  skippedAsEarlierRow,
  updateOrUnchanged,
} from './row-settlement.js';
import { type CompanyValues, companyValues, participantValues } from './row-values.js';
import { SIMILARITY_THRESHOLD, TrigramIndex, trigrams } from './similarity.js';

export async function planCompanies(
  em: EntityManager,
  ctx: Context,
  table: Table,
  input: PlanInput,
  plan: Plan,
  decisions: Decisions,
): Promise<void> {
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

  const byId = new Map(companies.map((company) => [company.id, company]));
  const byDomain = new Map<string, ExistingCompany>();
  const byName = new Map<string, ExistingCompany>();
  const index = new TrigramIndex<ExistingCompany>();
  for (const company of companies) {
    const domain = websiteDomain(company.website);
    if (domain && !byDomain.has(domain)) byDomain.set(domain, company);
    const folded = fold(company.name);
    const key = `${folded}|${company.country}`;
    if (!byName.has(key)) byName.set(key, company);
    index.add(trigrams(folded), company);
  }
  plan.existingCompanies = byId;

  // Earlier rows of the file: by website, by name and country, by record matched, and by trigrams.
  const fileDomains = new Map<string, number>();
  const fileNames = new Map<string, number>();
  const claimed = new Map<string, number>();
  const fileIndex = new TrigramIndex<{ row: number; values: CompanyValues }>();

  input.progress?.phase(ImportPhase.CHECKING, table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    await input.progress?.step(i);
    const row = newRow(table, i);
    plan.rows.push(row);
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

    let target = byOwnId(row, values.id, byId, (company) => company.name);
    if (!target && values.domain) {
      target = byDomain.get(values.domain);
      if (target) row.reasons.push(msg('importReasonSameDomain', { domain: values.domain, name: target.name }));
    }
    const nameKey = `${values.folded}|${values.country}`;
    if (!target) {
      target = byName.get(nameKey);
      if (target) row.reasons.push(msg('importReasonSameName', { name: target.name }));
    }

    const sameRow = target
      ? claimed.get(target.id)
      : ((values.domain ? fileDomains.get(values.domain) : undefined) ?? fileNames.get(nameKey));
    if (skippedAsEarlierRow(row, sameRow)) continue;

    let created = false;
    if (!target) {
      const grams = trigrams(values.folded);
      const sameCountry = (country: string) => country === values.country;
      row.candidates = [
        ...index
          .similar(grams, SIMILARITY_THRESHOLD, POSSIBLE_MATCHES, (c) => sameCountry(c.country))
          .map(({ value, score }) =>
            candidate({
              id: value.id,
              name: value.name,
              country: value.country,
              city: value.city,
              website: value.website,
              score,
            }),
          ),
        ...fileIndex
          .similar(grams, SIMILARITY_THRESHOLD, POSSIBLE_MATCHES, (c) => sameCountry(c.values.country))
          .map(({ value: earlier, score }) =>
            candidate({
              row: earlier.row,
              name: earlier.values.name,
              country: earlier.values.country,
              city: earlier.values.city,
              website: earlier.values.website,
              score,
            }),
          ),
      ];
      const settled = settleLookAlikes(row, decisions, byId, (company) => company.name);
      if (settled.skip) continue;
      created = settled.created;
      target = settled.target;
    }

    if (target) {
      claimed.set(target.id, row.row);
      row.target = { id: target.id, name: target.name };
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
      continue;
    }

    if (created) {
      markCreated(row);
      if (delegation) row.reasons.push(msg('importReasonJoins', { name: values.name }));
    }
    if (values.domain) fileDomains.set(values.domain, row.row);
    fileNames.set(nameKey, row.row);
    fileIndex.add(trigrams(values.folded), { row: row.row, values });
  }
}
