import type { EntityManager } from '@mikro-orm/postgresql';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { ParticipantStatus } from '../mission/mission.enums.js';
import { MissionParticipant } from '../mission/mission-participant.entity.js';
import { type Draft, field, type Resolved } from './interaction.draft.js';

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * Looks up the references of a draft in the viewer's agency and checks how they fit together.
 * `current` is the interaction as stored (on update): a link to a deal is checked against the
 * exporter when either changes, so that editing a meeting whose deal has since changed hands
 * is not refused for a link nobody touched.
 */
export async function resolveReferences(
  em: EntityManager,
  draft: Draft,
  errors: UserError[],
  current?: Draft,
): Promise<Resolved | null> {
  const companyIds = [draft.exporterId, draft.counterpartId].filter((id): id is string => Boolean(id));
  const [companies, mission, contacts, deal] = await Promise.all([
    companyIds.length > 0 ? em.find(Company, { id: { $in: companyIds } }) : Promise.resolve([]),
    draft.missionId ? em.findOne(Mission, draft.missionId) : Promise.resolve(null),
    draft.contactIds.length > 0 ? em.find(Contact, { id: { $in: draft.contactIds } }) : Promise.resolve([]),
    draft.dealId ? em.findOne(Deal, draft.dealId) : Promise.resolve(null),
  ]);
  const exporter = companies.find((company) => company.id === draft.exporterId) ?? null;
  const counterpart = companies.find((company) => company.id === draft.counterpartId) ?? null;

  if (draft.missionId && !mission) {
    errors.push(userError(UserErrorCode.NOT_FOUND, 'No such mission.', field('missionId')));
  }
  if (!exporter) {
    errors.push(userError(UserErrorCode.NOT_FOUND, 'No such exporter.', field('exporterId')));
  } else if (exporter.kind !== CompanyKind.EXPORTER) {
    errors.push(
      userError(
        UserErrorCode.INVALID,
        `${exporter.name} is ${withArticle(exporter.kind.toLowerCase())}, not an exporter: put it as the counterpart.`,
        field('exporterId'),
      ),
    );
  }
  if (draft.counterpartId && !counterpart) {
    errors.push(userError(UserErrorCode.NOT_FOUND, 'No such counterpart.', field('counterpartId')));
  } else if (counterpart && counterpart.id === draft.exporterId) {
    errors.push(
      userError(UserErrorCode.INVALID, 'The counterpart cannot be the exporter itself.', field('counterpartId')),
    );
  } else if (counterpart && mission && counterpart.kind === CompanyKind.EXPORTER) {
    const inDelegation = await em.count(MissionParticipant, {
      mission,
      company: counterpart,
      status: { $ne: ParticipantStatus.WITHDREW },
    });
    if (inDelegation > 0) {
      errors.push(
        userError(
          UserErrorCode.INVALID,
          `${counterpart.name} is an exporter of the delegation of ${mission.name}: meet buyers, distributors or institutions.`,
          field('counterpartId'),
        ),
      );
    }
  }

  const linkChanged = !current || current.dealId !== draft.dealId || current.exporterId !== draft.exporterId;
  if (draft.dealId && !deal) {
    errors.push(userError(UserErrorCode.NOT_FOUND, 'No such deal.', field('dealId')));
  } else if (deal && exporter && deal.exporter.id !== exporter.id && linkChanged) {
    errors.push(
      userError(
        UserErrorCode.INVALID,
        `The deal "${deal.title}" is not ${exporter.name}'s: link the interaction to a deal of its exporter.`,
        field('dealId'),
      ),
    );
  }

  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const parties = new Set(companyIds);
  draft.contactIds.forEach((id, index) => {
    const contact = byId.get(id);
    if (!contact) {
      errors.push(userError(UserErrorCode.NOT_FOUND, 'No such contact.', field('contactIds', String(index))));
    } else if (!parties.has(contact.company.id)) {
      errors.push(
        userError(
          UserErrorCode.INVALID,
          `${contact.fullName} works for neither the exporter nor the counterpart.`,
          field('contactIds', String(index)),
        ),
      );
    }
  });
  if (errors.length > 0 || !exporter) return null;
  return { mission, exporter, counterpart, contacts: draft.contactIds.map((id) => byId.get(id)!), deal };
}
