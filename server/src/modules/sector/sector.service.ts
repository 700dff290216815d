import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Sector } from './sector.entity.js';
import type { CreateSectorInput, UpdateSectorInput } from './sector.inputs.js';

const AUDITED = ['code', 'names'] as const;

async function refuseTakenCode(em: EntityManager, code: string, exceptId?: string): Promise<void> {
  const existing = await em.findOne(Sector, { code });
  if (existing && existing.id !== exceptId) {
    refuse(UserErrorCode.DUPLICATE, msg('sectorCodeTaken', { code }), ['input', 'code'], existing.id);
  }
}

export async function createSector(em: EntityManager, ctx: Context, input: CreateSectorInput): Promise<Sector> {
  await refuseTakenCode(em, input.code);
  const sector = em.create(Sector, { agency: ctx.viewer!.agencyId, code: input.code, names: { ...input.names } });
  recordAudit(em, ctx, {
    action: 'createSector',
    entity: 'Sector',
    entityId: sector.id,
    after: snapshot(sector, AUDITED),
  });
  return sector;
}

export async function updateSector(em: EntityManager, ctx: Context, input: UpdateSectorInput): Promise<Sector> {
  const sector = await em.findOne(Sector, input.sectorId);
  if (!sector) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchSector'), ['input', 'sectorId']);
  const before = snapshot(sector, AUDITED);
  if (input.code != null && input.code !== sector.code) {
    await refuseTakenCode(em, input.code, sector.id);
    sector.code = input.code;
  }
  if (input.names) sector.names = { ...input.names };
  recordAudit(em, ctx, {
    action: 'updateSector',
    entity: 'Sector',
    entityId: sector.id,
    before,
    after: snapshot(sector, AUDITED),
  });
  return sector;
}
