import type { CompanyKind } from '../../modules/company/company.enums.js';
import type { InteractionKind } from '../../modules/interaction/interaction.enums.js';
import type { StageCategory } from '../../modules/pipeline/pipeline.enums.js';

/**
 * The texts of userErrors in English: the reference catalog. `Messages` is its type, so fr.ts
 * and ru.ts must have exactly these ids, with the same params. English is also what API
 * clients get when they ask for no supported language.
 */

const COMPANY_KIND: Record<CompanyKind, string> = {
  EXPORTER: 'an exporter',
  BUYER: 'a buyer',
  DISTRIBUTOR: 'a distributor',
  RETAILER: 'a retailer',
  INSTITUTION: 'an institution',
  PARTNER: 'a partner',
};

const INTERACTION_KIND: Record<InteractionKind, string> = {
  MEETING: 'a meeting',
  CALL: 'a call',
  EMAIL: 'an email',
  VISIT: 'a visit',
  NOTE: 'a note',
};

function span(startsAt: Date, endsAt: Date): string {
  const start = startsAt.toISOString();
  const end = endsAt.toISOString();
  const endText =
    start.slice(0, 10) === end.slice(0, 10) ? end.slice(11, 16) : `${end.slice(0, 10)} ${end.slice(11, 16)}`;
  return `${start.slice(0, 10)} ${start.slice(11, 16)}–${endText} UTC`;
}

const deals = (count: number) => `${count} deal${count === 1 ? '' : 's'}`;

export const en = {
  // Input rules (class-validator constraints, see shared/validation.ts)
  required: 'This field is required.',
  tooLong: ({ max }: { max: number }) => `At most ${max} characters.`,
  tooShort: ({ min }: { min: number }) => `At least ${min} characters.`,
  tooSmall: ({ min }: { min: number }) => `The smallest value allowed is ${min}.`,
  tooLarge: ({ max }: { max: number }) => `The largest value allowed is ${max}.`,
  tooManyItems: ({ max }: { max: number }) => `At most ${max} items.`,
  notAList: 'A list is expected.',
  notAnInteger: 'A whole number is expected.',
  notABoolean: 'True or false is expected.',
  notAChoice: 'This value is not one of the choices.',
  notAnEmail: 'Not an e-mail address.',
  notAnId: 'Not a valid id.',
  notAUrl: 'A web address starting with http:// or https:// is expected.',
  notACountry: 'An ISO 3166-1 alpha-2 country code in capitals is expected, e.g. MA.',
  notACurrency: 'An ISO 4217 currency code is expected, e.g. RUB.',
  notAPhone: 'Not a phone number (digits, spaces, dashes, brackets, a leading +).',
  notALanguage: 'An ISO 639-1 language code in small letters is expected, e.g. "fr".',
  needsLetterOrDigit: 'Must contain a letter or a digit.',
  badAmount: 'An amount of zero or more is expected, with at most 16 digits before the point and 2 after.',
  badRate: 'A rate greater than 0 is expected, with at most 14 digits before the point and 10 after.',
  badSectorCode: 'Lower-case letters, digits and dashes only, up to 60.',
  badFormat: 'This value is not in the expected format.',
  badValue: 'This value is not valid.',
  cannotBeRemoved: ({ field }: { field: string }) => `${field} cannot be removed.`,

  // Whatever the database refused
  referenceMissing: 'A referenced record does not exist.',
  duplicateValues: 'A record with the same unique values already exists.',
  dataModelRule: 'The values break a rule of the data model.',

  // Records not found
  noSuchAgency: 'No such agency.',
  noSuchCompany: 'No such company.',
  noSuchContact: 'No such contact.',
  noSuchCounterpart: 'No such counterpart.',
  noSuchDeal: 'No such deal.',
  noSuchExporter: 'No such exporter.',
  noSuchInteraction: 'No such interaction.',
  noSuchMission: 'No such mission.',
  noSuchParticipant: 'No such participant.',
  noSuchPipeline: 'No such pipeline.',
  noSuchSector: 'No such sector.',
  noSuchSectorId: ({ id }: { id: string }) => `No sector has the id ${id}.`,
  noSuchStage: 'No such stage.',
  noSuchStageInPipeline: 'No such stage in this pipeline.',
  noSuchTask: 'No such task.',
  noSuchToken: 'No such token of yours.',
  noSuchUser: 'No such user.',

  // Sign-in, users and invitations
  wrongCredentials: 'Wrong e-mail or password.',
  badLink: 'This link is not valid: it may have expired or been used already. Ask an admin for a new one.',
  emailTaken: 'This e-mail address is already in use.',
  userDeactivated: 'This user is deactivated.',
  userDeactivatedNamed: ({ name }: { name: string }) => `${name} is deactivated.`,
  reactivateFirst: 'This user is deactivated: reactivate them first.',
  lastAdminRole: 'This is the last active admin of the agency: make someone else admin first.',
  lastAdminDeactivation: 'This is the last active admin of the agency: it cannot be deactivated.',

  // Companies, sectors, exchange rates
  duplicateCompany: 'A company with this name already exists in this country.',
  sectorCodeTaken: ({ code }: { code: string }) => `The code "${code}" is already used by another sector.`,
  baseCurrencyRate: ({ currency }: { currency: string }) =>
    `${currency} is the agency's base currency: its rate is always 1.`,

  // Missions
  missionEndsBeforeStart: 'The mission cannot end before it starts.',
  onlyExportersJoin: ({ name, kind }: { name: string; kind: CompanyKind }) =>
    `Only exporters join a delegation; ${name} is ${COMPANY_KIND[kind]}.`,
  alreadyInDelegation: ({ name }: { name: string }) => `${name} is already in this mission's delegation.`,

  // Interactions and the agenda
  giveSubject: 'Give the subject.',
  meetingNeedsStatus: 'A meeting always has a status.',
  meetingNeedsEnd: 'A meeting with a start needs an end.',
  meetingNeedsStart: 'A meeting with an end needs a start.',
  meetingEndsBeforeStart: 'The meeting must end after it starts.',
  plannedMeetingNeedsTimes: 'A planned meeting needs a start and an end on the agenda.',
  onlyMeetingsHave: ({ field, interactionKind }: { field: string; interactionKind: InteractionKind | null }) =>
    `Only meetings have ${field} (this is ${interactionKind ? INTERACTION_KIND[interactionKind] : 'another kind'}).`,
  exporterNotExporter: ({ name, kind }: { name: string; kind: CompanyKind }) =>
    `${name} is ${COMPANY_KIND[kind]}, not an exporter: put it as the counterpart.`,
  counterpartIsExporter: 'The counterpart cannot be the exporter itself.',
  counterpartInDelegation: ({ name, mission }: { name: string; mission: string }) =>
    `${name} is an exporter of the delegation of ${mission}: meet buyers, distributors or institutions.`,
  dealOfAnotherExporter: ({ deal, exporter }: { deal: string; exporter: string }) =>
    `The deal "${deal}" is not ${exporter}'s: link the interaction to a deal of its exporter.`,
  contactNotAParty: ({ name }: { name: string }) => `${name} works for neither the exporter nor the counterpart.`,
  agendaConflict: (p: {
    busy: string[];
    startsAt: Date;
    endsAt: Date;
    subject: string;
    exporter: string;
    counterpart: string | null;
  }) =>
    `Agenda conflict: ${p.busy.join(', ')} already booked ${span(p.startsAt, p.endsAt)} in "${p.subject}" ` +
    `(${p.counterpart ? `${p.exporter} with ${p.counterpart}` : p.exporter}).`,

  // Tasks
  giveTitle: 'Give the title.',
  taskNeedsSubject: 'Say what the task is about: a company, a mission or a deal.',
  taskHasOneSubject: 'A task is about one company, mission or deal only: create one task for each.',
  noLongerHasAccess: ({ name }: { name: string }) => `${name} no longer has access.`,
  assigneeIsAnalyst: ({ name }: { name: string }) =>
    `${name} is an analyst and could not complete the task: assign an admin or account manager.`,

  // Pipelines
  pipelineNeedsName: 'A pipeline needs a name.',
  pipelineNameTaken: ({ name }: { name: string }) => `A pipeline is already named "${name}".`,
  stageNeedsName: 'A stage needs a name.',
  stageNamedTwice: ({ name }: { name: string }) => `Two stages are named "${name}".`,
  stageListedTwice: 'A stage is listed twice.',
  pipelineMissesCategories: ({ missing }: { missing: StageCategory[] }) =>
    `A pipeline needs at least one active (not retired) stage of each category: OPEN, WON and LOST; missing ${missing.join(', ')}.`,
  newPipelineNewStages: 'A new pipeline has new stages only: leave id out.',
  stageHoldsDeals: ({ name, count }: { name: string; count: number }) =>
    `The stage "${name}" holds ${deals(count)}: keep it and retire it, or move its deals to another stage first.`,
  stageInHistory: ({ name }: { name: string }) =>
    `The stage "${name}" is in the history of deals, which is never lost: keep it and retire it instead.`,
  stageCategoryLocked: ({ name, count }: { name: string; count: number }) =>
    `The stage "${name}" holds ${deals(count)}: its category cannot change while deals are in it.`,
  keepADefaultPipeline: 'Make another pipeline the default instead.',
  stageRemovedMeanwhile: 'A deal entered a stage you removed in the meantime: reload the pipeline and try again.',

  // Deals
  dealChanged: ({ yours, current }: { yours: number; current: number }) =>
    `The deal was changed by someone else since you read it (your version ${yours}, current version ${current}): reload it and try again.`,
  dealExporterNotExporter: ({ name, kind }: { name: string; kind: CompanyKind }) =>
    `${name} is ${COMPANY_KIND[kind]}, not an exporter.`,
  buyerIsExporter: ({ name }: { name: string }) =>
    `${name} is an exporter: the buyer of a deal is a foreign counterpart (buyer, distributor, retailer, institution, partner).`,
  stageNotInPipeline: 'The stage is not a stage of the pipeline given.',
  stageOfAnotherPipeline: "The stage belongs to another pipeline than the deal's.",
  stageRetired: ({ name }: { name: string }) => `The stage "${name}" is retired.`,
  dealStartsOpen: ({ name, category }: { name: string; category: StageCategory }) =>
    `A deal starts in an OPEN stage; "${name}" is ${category}: create the deal, then move it.`,
  noDefaultPipeline: 'The agency has no default pipeline: give a pipelineId.',
  pipelineHasNoOpenStage: ({ name }: { name: string }) => `The pipeline "${name}" has no open stage.`,
  dealNeedsExporter: 'A deal needs an exporter.',
  dealNeedsTitle: 'A deal needs a title.',
  dealNeedsOwner: 'A deal needs an owner.',
  dealNeedsCurrency: 'A deal needs a currency.',
  dealAlreadyInStage: ({ name }: { name: string }) => `The deal is already in "${name}".`,
  sayWhyLost: 'Say why the deal was lost.',
  lostDealKeepsReason: 'A lost deal keeps the reason it was lost.',
  lostReasonOnlyWhenLost: 'Only a lost deal has a lost reason.',
  lostReasonOnlyForLostStage: 'A lost reason is only for a LOST stage.',
  // search
  searchQueryEmpty: 'Type at least one letter or digit to search.',
  searchQueryTooLong: ({ max }: { max: number }) => `A search is at most ${max} characters long.`,
  filterTextTooLong: ({ field, max }: { field: string; max: number }) =>
    `The filter ${field} is at most ${max} characters long.`,

  // merge
  mergeKeepAlsoMerged: 'The record kept cannot also be one of the records merged into it.',
  mergeNothingToMerge: 'Choose at least one record to merge into the kept one.',
  mergeListedTwice: 'A record is listed twice.',
  mergeAlreadyMerged: ({ name }: { name: string }) =>
    `"${name}" was already merged into another record: open that one instead.`,
  mergeStale: ({ name }: { name: string }) =>
    `"${name}" was changed by someone else since you reviewed the merge: reload it and review again.`,
  mergeValueFromElsewhere: 'A value kept must come from one of the records being merged.',
  mergeDealWithItself: ({ deal }: { deal: string }) =>
    `The deal "${deal}" has one of these companies as exporter and another as buyer: merged, the company would sell to itself. Change the deal's buyer first.`,
  mergeMeetingWithItself: ({ name }: { name: string }) =>
    `"${name}" is between two of these companies: merged, the company would meet itself. Change its counterpart first.`,
  mergeExporterRole: ({ count }: { count: number }) =>
    `The kept company would not be an exporter, yet it would be the exporter of ${count} deal(s), meeting(s) or mission participation(s): keep the kind "exporter".`,
  mergeBuyerRole: ({ count }: { count: number }) =>
    `The kept company would be an exporter, yet it would be the buyer of ${count} deal(s): keep the counterpart's kind.`,
  // import
  importFileNotFound: 'The file was not found or has expired (files are kept a day): upload it again.',
  importFileUnreadable:
    'The file could not be read: upload a CSV (UTF-8, Windows-1251 or Windows-1252) or an XLSX file.',
  importFileEmpty: 'The file holds no rows under its header line.',
  importFileTooLarge: ({ max }: { max: number }) =>
    `The file is larger than ${Math.round(max / 1_000_000)} MB: split it into smaller files.`,
  importForbidden: 'Only administrators and account managers import files.',
  importNeedsMission: 'Choose the mission whose delegation the file fills.',
  importFieldNotMapped: ({ field }: { field: string }) => `Map a column to "${field}": every row needs it.`,
  importFieldMappedTwice: ({ field }: { field: string }) => `Two columns are mapped to "${field}": keep one.`,
  importUnknownField: ({ field }: { field: string }) => `"${field}" is not a field of this kind of import.`,
  importUnknownKind: ({ value }: { value: string }) =>
    `"${value}" is not a type of company (exporter, buyer, distributor, retailer, institution, partner).`,
  importUnknownStatus: ({ value }: { value: string }) =>
    `"${value}" is not a participation status (invited, registered, confirmed, attended, withdrew).`,
  importUnknownSector: ({ value }: { value: string }) => `No sector of the agency is called "${value}".`,
  importUnknownUser: ({ value }: { value: string }) => `No active user of the agency is "${value}".`,
  importUnknownCompany: ({ value }: { value: string }) =>
    `No company called "${value}" in the CRM: import the companies first.`,
  importAmbiguousCompany: ({ value }: { value: string }) =>
    `Several companies are called "${value}": add their country in a column.`,
  importNotAnExporter: ({ name }: { name: string }) => `${name} is not an exporter: only exporters join a delegation.`,
  importDecisionsMissing: ({ count }: { count: number }) =>
    `${count} possible duplicate(s) need a decision (link, create anyway or skip) before the import.`,
  importBadDecision: ({ row }: { row: number }) =>
    `Row ${row}: link it to one of the records it resembles, create it anyway or skip it.`,
  importReasonNew: 'New record.',
  importReasonSameId: ({ name }: { name: string }) => `Same ID as ${name}.`,
  importReasonUnknownId: 'Its ID is not a record of the agency: matched by its other values.',
  importReasonSameDomain: ({ domain, name }: { domain: string; name: string }) =>
    `Same website (${domain}) as ${name}.`,
  importReasonSameEmail: ({ email, name }: { email: string; name: string }) => `Same e-mail (${email}) as ${name}.`,
  importReasonSameName: ({ name }: { name: string }) => `Same name and country as ${name}.`,
  importReasonSameNameCompany: ({ name }: { name: string }) => `Same name and company as ${name}.`,
  importReasonSameAsRow: ({ row }: { row: number }) => `Same record as row ${row}: skipped.`,
  importReasonSimilar: ({ count }: { count: number }) =>
    `Resembles ${count} record(s): link it, create it anyway or skip it.`,
  importReasonChanges: ({ fields }: { fields: string }) => `Will change: ${fields}.`,
  importReasonUnchanged: 'Identical to the record: nothing to change.',
  importReasonSkipped: 'Skipped, as decided.',
  importReasonCreateAnyway: 'Created anyway, as decided.',
  importReasonLinked: ({ name }: { name: string }) => `Linked to ${name}, as decided.`,
  importReasonInDelegation: ({ name }: { name: string }) => `${name} is already in the delegation.`,
  importReasonJoins: ({ name }: { name: string }) => `${name} joins the delegation.`,
  importRejectedReason: 'Reason',
  importBatchNotFound: 'No such import.',
  importAlreadyUndone: 'This import was already undone.',
  importUndoModified: ({ name }: { name: string }) =>
    `${name} was changed after the import: the import can no longer be undone.`,
  importUndoReferenced: ({ name }: { name: string }) =>
    `${name} is used by records added after the import (contacts, deals, meetings…): the import can no longer be undone.`,
  // export
  exportSignIn: 'Sign in, or send an API token (Authorization: Bearer …), to export.',
  exportBadJson: ({ parameter }: { parameter: string }) => `The ${parameter} parameter is not valid JSON.`,
  exportBadParameter: ({ parameter, detail }: { parameter: string; detail: string }) =>
    `The ${parameter} parameter is not valid for this list: ${detail}`,
  exportMissionRequired: 'Say which mission: missionId=<id>.',
  exportNoSuchMission: 'No such mission.',
  exportBadDay: ({ day }: { day: string }) => `"${day}" is not a day: write it as 2026-12-31.`,
  exportBadTimeZone: ({ zone }: { zone: string }) => `Unknown time zone "${zone}" (e.g. Europe/Paris).`,
  exportRateLimited: ({ seconds, perMinute }: { seconds: number; perMinute: number }) =>
    `The API budget of this token's user is spent (an export costs a point a row; ${perMinute} come back per minute). Retry in ${seconds} s.`,
  signInLimited: ({ seconds }: { seconds: number }) =>
    `Too many failed sign-ins for this account or from this network. Try again in ${seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`}, or ask an admin for a password reset link.`,
  signInBusy: ({ seconds }: { seconds: number }) => `The server is busy signing people in. Try again in ${seconds} s.`,
  // hardening
  tokenNeedsSession: 'API tokens are created only while signed in to the web app, not with an API token.',
  // analytics limits and timeouts
  analyticsTooManyRows: ({ count, max }: { count: number; max: number }) =>
    `This report would have about ${count} rows; the limit is ${max}. Narrow it: a shorter period, a coarser period (quarter or year instead of month), fewer groupings, or a filter.`,
  analyticsTooManyMonths: ({ count, max }: { count: number; max: number }) =>
    `A report by month covers at most ${max} months; this one covers ${count}. Shorten the period or group by quarter or year.`,
  statementTimeout:
    'The request took too long and was stopped. Ask for less (a shorter period, fewer groupings or smaller pages) or try again later.',
  databaseUnavailable: 'The database is unavailable for the moment. Try again in a few seconds.',
  // exporter confirmation of won deals (modules/confirmation)
  mailFromInvalid: 'Give an e-mail address, alone or after a name: Mosprom <crm@mosprom.ru>.',
  noFreeSlot:
    'The mission’s remaining days have no half hour when both are free (9:00-18:00, host time): plan it by hand.',
  suggestedMeetingSubject: ({ counterpart }: { counterpart: string }) => `Meeting with ${counterpart}`,
  confirmWonOnly: 'Only a won deal can be confirmed by its exporter.',
  confirmNoContact: 'The exporter has no contact with an e-mail address: add one first.',
  confirmContactNotExporter: 'Choose a contact of the deal’s exporter who has an e-mail address.',
  confirmLinkInvalid: 'This link no longer works: it has been answered already, or it has expired.',
  confirmCorrectionNeeded: 'Give the right amount or the right signature day.',
  confirmSignedInFuture: 'The signature day cannot be after today.',
  confirmTooManyAttempts: ({ seconds }: { seconds: number }) =>
    `Too many attempts from your address. Try again in ${seconds} seconds.`,
  confirmAnsweredTask: ({ exporter, deal, answer }: { exporter: string; deal: string; answer: string }) =>
    `${exporter} ${answer} “${deal}”: see the deal’s confirmation`,
  confirmAnswerConfirmed: 'confirmed',
  confirmAnswerCorrected: 'corrected',
  confirmAnswerDisputed: 'disputed',
  cursorInvalid: 'The cursor is not valid for this list and order.',
  pageSizeOutOfRange: ({ field, max }: { field: string; max: number }) => `\`${field}\` must be between 0 and ${max}.`,
  pageBothDirections: 'Pass either `first` or `last`, not both.',
};

export type Messages = typeof en;
