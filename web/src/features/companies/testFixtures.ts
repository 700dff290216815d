import { UserSelectQuery } from '../../components/pickers/graphql';
import { answer } from '../../test/scriptedLink';
import { CompanySectorsQuery } from './graphql/companies';

export const manager = { __typename: 'User' as const, id: 'user-1', fullName: 'Camille Durand' };

export const sectorNames = (fr: string, en: string, ru: string) => ({
  __typename: 'SectorNames' as const,
  fr,
  en,
  ru,
});

export const fishSector = {
  __typename: 'Sector' as const,
  id: 'sector-fish',
  code: 'FISH',
  names: sectorNames('Caviar et conserves de poisson', 'Caviar and fish conserves', 'Икра и рыбные консервы'),
};

export const pageInfo = {
  __typename: 'PageInfo' as const,
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: 'start',
  endCursor: 'end',
};

export const sectorsAnswer = answer(CompanySectorsQuery).with(() => ({
  data: { sectors: { __typename: 'SectorConnection', nodes: [fishSector] } },
}));

export const usersAnswer = answer(UserSelectQuery).with(() => ({
  data: {
    users: { __typename: 'UserConnection', nodes: [{ ...manager, role: 'ACCOUNT_MANAGER' as const, active: true }] },
  },
}));
