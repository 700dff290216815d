import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { UserSelectQuery } from './graphql';
import { UserSelect } from './UserSelect';

const users = [
  {
    __typename: 'User' as const,
    id: 'u1',
    fullName: 'Алексей Морозов',
    role: 'ACCOUNT_MANAGER' as const,
    active: true,
  },
  { __typename: 'User' as const, id: 'u2', fullName: 'Camille Durand', role: 'ANALYST' as const, active: false },
];

function render(includeInactive: boolean) {
  const asked: unknown[] = [];
  const { link } = scriptedLink(
    answer(UserSelectQuery).with((variables) => {
      asked.push(variables.active);
      const nodes = variables.active ? users.filter((user) => user.active) : users;
      return { data: { users: { __typename: 'UserConnection', nodes } } };
    }),
  );
  const element = (
    <UserSelect label="Actor" placeholder="Anyone" value="" onChange={() => {}} includeInactive={includeInactive} />
  );
  renderRoutes({ transport: link, routes: [{ path: '/', element }] });
  return asked;
}

describe('UserSelect', () => {
  it('offers the active users by default', async () => {
    const asked = render(false);
    expect(await screen.findByRole('option', { name: 'Алексей Морозов' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Camille Durand/ })).toBeNull();
    expect(asked).toEqual([true]);
  });

  it('also offers inactive users, marked so, when asked (filters on past activity)', async () => {
    const asked = render(true);
    expect(await screen.findByRole('option', { name: 'Camille Durand (inactive)' })).toBeTruthy();
    expect(asked).toEqual([null]);
  });
});
