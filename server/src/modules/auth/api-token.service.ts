import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context, Viewer } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { agencyQuery, crossAgencyQuery, sql } from '../../shared/sql.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { ApiToken } from './api-token.entity.js';
import type { CreateApiTokenInput, RevokeApiTokenInput } from './api-token.inputs.js';
import { randomSecret, sha256 } from './tokens.js';

/** Recognisable in logs and secret scanners; the random part carries 256 bits. */
export const TOKEN_PREFIX = 'crm_';
const DEFAULT_DAYS = 90;
/** lastUsedAt is written at most this often per token. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createApiToken(
  em: EntityManager,
  ctx: Context,
  input: CreateApiTokenInput,
): Promise<{ apiToken: ApiToken; secret: string }> {
  // A leaked token must not be able to mint fresh ones: only a browser session creates tokens.
  if (ctx.viewer!.via !== 'session') refuse(UserErrorCode.FORBIDDEN, msg('tokenNeedsSession'));
  const secret = `${TOKEN_PREFIX}${randomSecret()}`;
  const days = input.expiresInDays ?? DEFAULT_DAYS;
  const apiToken = em.create(ApiToken, {
    agency: ctx.viewer!.agencyId,
    user: ctx.viewer!.userId,
    name: input.name.trim(),
    prefix: secret.slice(0, 12),
    tokenHash: sha256(secret),
    expiresAt: new Date(Date.now() + days * 86_400_000),
  });
  recordAudit(em, ctx, {
    action: 'createApiToken',
    entity: 'ApiToken',
    entityId: apiToken.id,
    after: { name: apiToken.name, prefix: apiToken.prefix, expiresAt: apiToken.expiresAt?.toISOString() },
  });
  return { apiToken, secret };
}

export async function revokeApiToken(em: EntityManager, ctx: Context, input: RevokeApiTokenInput): Promise<ApiToken> {
  const apiToken = await em.findOne(ApiToken, { id: input.apiTokenId, user: ctx.viewer!.userId });
  if (!apiToken) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchToken'), ['input', 'apiTokenId']);
  if (!apiToken.revokedAt) {
    apiToken.revokedAt = new Date();
    recordAudit(em, ctx, {
      action: 'revokeApiToken',
      entity: 'ApiToken',
      entityId: apiToken.id,
      before: { revokedAt: null },
      after: { revokedAt: apiToken.revokedAt.toISOString() },
    });
  }
  return apiToken;
}

interface TokenRow {
  token_id: string;
  user_id: string;
  agency_id: string;
  role: Viewer['role'];
  last_used_at: Date | null;
}

/** The viewer behind a bearer token: null when unknown, expired, revoked or its owner is inactive. */
export async function viewerFromToken(rootEm: EntityManager, secret: string): Promise<Viewer | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const rows = await crossAgencyQuery<TokenRow>(
    rootEm,
    sql`select t.id as token_id, u.id as user_id, u.agency_id, u.role, t.last_used_at
       from api_token t join "user" u on u.id = t.user_id
      where t.token_hash = ${sha256(secret)} and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.active`,
    'the token is found by its secret before anyone, and so any agency, is known',
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
    await crossAgencyQuery(
      rootEm,
      sql`update api_token set last_used_at = now() where id = ${row.token_id}`,
      'the token found by its secret above',
    );
  }
  return { userId: row.user_id, agencyId: row.agency_id, role: row.role, via: 'token', tokenId: row.token_id };
}

/** Revokes every live token of a user (deactivation): a later reactivation does not revive them. */
export async function revokeAllApiTokens(em: EntityManager, userId: string): Promise<number> {
  const rows = await agencyQuery<{ id: string }>(
    em,
    (agency) => sql`update api_token set revoked_at = now()
      where agency_id = ${agency} and user_id = ${userId} and revoked_at is null returning id`,
  );
  return rows.length;
}
