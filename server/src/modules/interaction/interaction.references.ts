import type { EntityManager } from '@mikro-orm/postgresql';
import { msg } from '../../shared/messages/index.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { ParticipantStatus } from '../mission/mission.enums.js';
import { MissionParticipant } from '../mission/mission-participant.entity.js';
import { type Draft, field, type Resolved } from './interaction.draft.js';

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
    errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchMission'), field('missionId')));
  }
  if (!exporter) {
    errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchExporter'), field('exporterId')));
  } else if (exporter.kind !== CompanyKind.EXPORTER) {
    errors.push(
      userError(
        UserErrorCode.INVALID,
        msg('exporterNotExporter', { name: exporter.name, kind: exporter.kind }),
        field('exporterId'),
      ),
    );
  }
  if (draft.counterpartId && !counterpart) {
    errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchCounterpart'), field('counterpartId')));
  } else if (counterpart && counterpart.id === draft.exporterId) {
    errors.push(userError(UserErrorCode.INVALID, msg('counterpartIsExporter'), field('counterpartId')));
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
          msg('counterpartInDelegation', { name: counterpart.name, mission: mission.name }),
          field('counterpartId'),
        ),
      );
    }
  }

  const linkChanged = !current || current.dealId !== draft.dealId || current.exporterId !== draft.exporterId;
  if (draft.dealId && !deal) {
    errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchDeal'), field('dealId')));
  } else if (deal && exporter && deal.exporter.id !== exporter.id && linkChanged) {
    errors.push(
      userError(
        UserErrorCode.INVALID,
        msg('dealOfAnotherExporter', { deal: deal.title, exporter: exporter.name }),
        field('dealId'),
      ),
    );
  }

  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const parties = new Set(companyIds);
  draft.contactIds.forEach((id, index) => {
    const contact = byId.get(id);
    if (!contact) {
      errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchContact'), field('contactIds', String(index))));
    } else if (!parties.has(contact.company.id)) {
      errors.push(
        userError(
          UserErrorCode.INVALID,
          msg('contactNotAParty', { name: contact.fullName }),
          field('contactIds', String(index)),
        ),
      );
    }
  });
  if (errors.length > 0 || !exporter) return null;
  return { mission, exporter, counterpart, contacts: draft.contactIds.map((id) => byId.get(id)!), deal };
}
