import type { Role } from '../../../gql/graphql';

export const ROLES: readonly Role[] = ['ACCOUNT_MANAGER', 'ANALYST', 'ADMIN'];
