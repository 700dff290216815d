import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { distinct, normalizeName, text } from '../../shared/normalize.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { refuseNulls } from '../../shared/validators.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Company } from '../company/company.entity.js';
import { Contact } from './contact.entity.js';
import type { CreateContactInput, UpdateContactInput } from './contact.inputs.js';

const AUDITED = ['company', 'fullName', 'jobTitle', 'email', 'phone', 'languages'] as const;

async function companyById(em: EntityManager, id: string): Promise<Company> {
  const company = await em.findOne(Company, id);
  return company ?? refuse(UserErrorCode.NOT_FOUND, msg('noSuchCompany'), ['input', 'companyId']);
}

export async function createContact(em: EntityManager, ctx: Context, input: CreateContactInput): Promise<Contact> {
  const company = await companyById(em, input.companyId);
  const fullName = input.fullName.trim();
  const contact = em.create(Contact, {
    agency: ctx.viewer!.agencyId,
    company,
    fullName,
    normalizedName: normalizeName(fullName),
    jobTitle: text(input.jobTitle),
    email: text(input.email),
    phone: text(input.phone),
    languages: distinct(input.languages),
  });
  recordAudit(em, ctx, {
    action: 'createContact',
    entity: 'Contact',
    entityId: contact.id,
    after: snapshot(contact, AUDITED),
  });
  return contact;
}

export async function updateContact(em: EntityManager, ctx: Context, input: UpdateContactInput): Promise<Contact> {
  refuseNulls(input, ['companyId', 'fullName']);
  const contact = await em.findOne(Contact, input.contactId);
  if (!contact) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchContact'), ['input', 'contactId']);
  const before = snapshot(contact, AUDITED);
  if (input.companyId != null) contact.company = await companyById(em, input.companyId);
  if (input.fullName != null) {
    contact.fullName = input.fullName.trim();
    contact.normalizedName = normalizeName(contact.fullName);
  }
  if (input.jobTitle !== undefined) contact.jobTitle = text(input.jobTitle);
  if (input.email !== undefined) contact.email = text(input.email);
  if (input.phone !== undefined) contact.phone = text(input.phone);
  if (input.languages !== undefined) contact.languages = distinct(input.languages);
  recordAudit(em, ctx, {
    action: 'updateContact',
    entity: 'Contact',
    entityId: contact.id,
    before,
    after: snapshot(contact, AUDITED),
  });
  return contact;
}
