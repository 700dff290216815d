import type { Role } from '../../gql/graphql';

/** Who may change CRM records (companies, missions, meetings, deals, tasks): the server refuses the rest anyway. */
export function canEdit(role: Role | null | undefined): boolean {
  return role === 'ADMIN' || role === 'ACCOUNT_MANAGER';
}

/** Who manages users, pipelines, sectors and exchange rates. */
export function isAdmin(role: Role | null | undefined): boolean {
  return role === 'ADMIN';
}
