import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DuplicateReason, MergeCompaniesInput, MergeContactsInput } from '../../gql/graphql';
import { ViewerQuery } from '../../lib/session/viewer';
import { viewer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { DuplicatesPage } from './DuplicatesPage';
import {
  DuplicateCandidatesQuery,
  MergeCompaniesMutation,
  MergeCompaniesPreviewQuery,
  MergeContactsMutation,
  MergeContactsPreviewQuery,
} from './graphql/merge';

const viewerAnswer = answer(ViewerQuery).with(() => ({ data: { viewer } }));
const manager = { __typename: 'User' as const, id: 'u1', fullName: 'Camille Durand' };

function company(id: string, name: string, extra: Partial<{ city: string | null; website: string | null }> = {}) {
  return {
    __typename: 'Company' as const,
    id,
    name,
    kind: 'EXPORTER' as const,
    country: 'RU',
    city: 'city' in extra ? (extra.city ?? null) : 'Москва',
    website: extra.website ?? null,
    notes: null,
    brands: [] as string[],
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    accountManager: manager,
  };
}

const fishWorld = company('c1', 'Fish World', { website: 'https://fish-world.example' });
const fishLlc = company('c2', 'FISH WORLD LLC', { city: null, website: 'https://www.fish-world.example/ru' });
const fishRu = company('c3', 'Фиш Ворлд');

const pageInfo = (hasNextPage: boolean, endCursor: string) => ({
  __typename: 'PageInfo' as const,
  hasNextPage,
  hasPreviousPage: false,
  startCursor: null,
  endCursor,
});

function candidate(
  a: ReturnType<typeof company>,
  b: ReturnType<typeof company>,
  score: number,
  reasons: DuplicateReason[],
) {
  return {
    __typename: 'DuplicateCandidate' as const,
    id: `${a.id}:${b.id}`,
    score,
    reasons,
    companies: [a, b],
    contacts: [],
  };
}

const companyPairs = [
  candidate(fishWorld, fishLlc, 99, ['SAME_NAME_AND_COUNTRY', 'SAME_WEBSITE_DOMAIN']),
  candidate(fishWorld, fishRu, 76, ['SIMILAR_NAME']),
];

function contact(id: string, fullName: string, email: string | null) {
  return {
    __typename: 'Contact' as const,
    id,
    fullName,
    jobTitle: 'Directrice export',
    email,
    phone: null,
    languages: ['fr'],
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    company: { __typename: 'Company' as const, id: 'c1', name: 'Fish World' },
  };
}
const irina = contact('p1', 'Irina Petrova', 'irina@fish-world.example');
const irina2 = contact('p2', 'Ирина Петрова', 'irina@fish-world.example');

/** The candidates query: two company pairs, the first alone on page 1 when paged; contacts: none. */
const candidatesAnswer = (pages = false) =>
  answer(DuplicateCandidatesQuery).with(({ kind, after }) => {
    if (kind === 'CONTACT') {
      return {
        data: {
          duplicateCandidates: {
            __typename: 'DuplicateCandidateConnection',
            totalCount: 0,
            pageInfo: pageInfo(false, ''),
            nodes: [],
          },
        },
      };
    }
    const nodes = pages ? (after ? companyPairs.slice(1) : companyPairs.slice(0, 1)) : companyPairs;
    return {
      data: {
        duplicateCandidates: {
          __typename: 'DuplicateCandidateConnection',
          totalCount: 2,
          pageInfo: pageInfo(pages && !after, pages && !after ? 'offset-1' : 'offset-2'),
          nodes,
        },
      },
    };
  });

const routes = [
  { path: '/duplicates', element: <DuplicatesPage /> },
  { path: '/companies/:companyId', element: <h1>Company page</h1> },
];

describe('DuplicatesPage', () => {
  it('lists likely duplicate companies with their reasons and likeness, page by page', async () => {
    const { link, calls } = scriptedLink(viewerAnswer, candidatesAnswer(true));
    renderRoutes({ transport: link, url: '/duplicates', routes });

    const list = await screen.findByRole('list', { name: 'Likely duplicates' });
    const [pair] = within(list)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === list);
    expect(within(pair).getByRole('link', { name: 'Fish World' }).getAttribute('href')).toBe('/companies/c1');
    expect(within(pair).getByRole('link', { name: 'FISH WORLD LLC' }).getAttribute('href')).toBe('/companies/c2');
    expect(within(pair).getByText('Likeness: 99%')).toBeTruthy();
    const reasons = within(pair).getByRole('list', { name: 'Reasons' });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Same name and country', 'Same website']);
    expect(screen.getByText('2 pairs')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'Фиш Ворлд' })).toBeTruthy();
    expect(screen.getByText('Similar names')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'FISH WORLD LLC' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('link', { name: 'FISH WORLD LLC' })).toBeTruthy();
    expect(calls.filter((name) => name === 'DuplicateCandidates')).toHaveLength(2);
  });

  it('shows the contacts tab with its empty state', async () => {
    const { link } = scriptedLink(viewerAnswer, candidatesAnswer());
    const { router } = renderRoutes({ transport: link, url: '/duplicates', routes });

    await screen.findByRole('link', { name: 'FISH WORLD LLC' });
    fireEvent.click(screen.getByRole('tab', { name: 'Contacts' }));
    expect(await screen.findByText('No likely duplicates')).toBeTruthy();
    expect(screen.getByText('No two contacts look alike enough to review.')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Contacts' }).getAttribute('aria-selected')).toBe('true');
    expect(router.state.location.search).toBe('?kind=contacts');
  });

  it('shows an error with Try again when the list cannot be loaded', async () => {
    let failures = 1;
    const { link } = scriptedLink(
      viewerAnswer,
      answer(DuplicateCandidatesQuery).with(() => {
        if (failures-- > 0) return { data: null, errors: [{ message: 'boom' }] };
        return {
          data: {
            duplicateCandidates: {
              __typename: 'DuplicateCandidateConnection',
              totalCount: 1,
              pageInfo: pageInfo(false, 'x'),
              nodes: companyPairs.slice(0, 1),
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, url: '/duplicates', routes });

    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'FISH WORLD LLC' })).toBeTruthy();
  });
});

describe('the review and merge dialog', () => {
  function companiesPreview(input: MergeCompaniesInput, records = [fishWorld, fishLlc]) {
    const byId = new Map(records.map((record) => [record.id, record]));
    const pick = (field: 'name' | 'city' | 'website') => {
      const from = input.fields?.[field] ?? input.keepId;
      return byId.get(String(from))?.[field] ?? null;
    };
    return {
      data: {
        mergeCompaniesPreview: {
          __typename: 'MergeCompaniesPreview' as const,
          keep: byId.get(String(input.keepId)) ?? null,
          merged: input.mergeIds.flatMap((id) => byId.get(String(id)) ?? []),
          result: {
            __typename: 'MergedCompanyValues' as const,
            name: pick('name') ?? '',
            kind: 'EXPORTER' as const,
            country: 'RU',
            city: pick('city'),
            website: pick('website'),
            brands: ['Царская икра'],
            accountManager: manager,
          },
          moves: [
            { __typename: 'MergeMove' as const, relation: 'CONTACTS' as const, count: input.keepId === 'c1' ? 2 : 5 },
            { __typename: 'MergeMove' as const, relation: 'DEALS_AS_EXPORTER' as const, count: 1 },
            { __typename: 'MergeMove' as const, relation: 'TASKS' as const, count: 0 },
          ],
          conflicts: [
            {
              __typename: 'MergeConflict' as const,
              kind: 'SAME_MISSION' as const,
              label: 'Mission Casablanca',
              count: 2,
              keptStatus: 'ATTENDED' as const,
              keptName: null,
            },
          ],
          userErrors: [],
        },
      },
    };
  }

  it('reviews two companies side by side, previews each choice, explains a stale record and merges', async () => {
    const previews: MergeCompaniesInput[] = [];
    const merges: MergeCompaniesInput[] = [];
    let current = [fishWorld, fishLlc];
    const { link } = scriptedLink(
      viewerAnswer,
      candidatesAnswer(),
      answer(MergeCompaniesPreviewQuery).with(({ input }) => {
        previews.push(input);
        return companiesPreview(input, current);
      }),
      answer(MergeCompaniesMutation).with(({ input }) => {
        merges.push(input);
        const stale = input.seen?.some((seen) => seen.id === 'c2' && seen.updatedAt !== current[1].updatedAt);
        if (stale) {
          return {
            data: {
              mergeCompanies: {
                __typename: 'MergeCompaniesPayload',
                company: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'seen'],
                    code: 'CONFLICT',
                    message: '"FISH WORLD LLC" was changed by someone else since you reviewed the merge.',
                    existingId: 'c2',
                  },
                ],
              },
            },
          };
        }
        return {
          data: {
            mergeCompanies: {
              __typename: 'MergeCompaniesPayload',
              company: { __typename: 'Company', id: String(input.keepId), name: 'FISH WORLD LLC' },
              userErrors: [],
            },
          },
        };
      }),
    );
    const { router } = renderRoutes({ transport: link, url: '/duplicates', routes });

    fireEvent.click(await screen.findByRole('button', { name: 'Review and merge Fish World and FISH WORLD LLC' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge companies' });
    expect(router.state.location.search).toBe('?merge=c1%2Cc2');

    // Side by side, the first kept by default; a field per row, each value a choice.
    const kept = await within(dialog).findByRole('radiogroup', { name: 'Record kept' });
    expect((within(kept).getByRole('radio', { name: 'Keep Fish World' }) as HTMLInputElement).checked).toBe(true);
    const names = within(dialog).getByRole('radiogroup', { name: 'Name' });
    expect((within(names).getByRole('radio', { name: 'Fish World' }) as HTMLInputElement).checked).toBe(true);
    const cities = within(dialog).getByRole('radiogroup', { name: 'City' });
    expect(within(cities).getByRole('radio', { name: '(empty)' })).toBeTruthy();

    // The preview: counts per relation moved (none for zero), the records that become one.
    const preview = within(dialog).getByRole('region', { name: /^Preview of the merge/ });
    expect(within(preview).getByText('Contacts').nextElementSibling?.textContent).toBe('2');
    expect(within(preview).getByText('Deals (as exporter)').nextElementSibling?.textContent).toBe('1');
    expect(within(preview).queryByText('Tasks')).toBeNull();
    expect(
      within(preview).getByText('Mission “Mission Casablanca”: 2 participations become one, status kept: attended.'),
    ).toBeTruthy();
    expect(within(preview).getByText('Brands — United on the kept record: Царская икра')).toBeTruthy();

    // Each choice asks the server again.
    fireEvent.click(within(names).getByRole('radio', { name: 'FISH WORLD LLC' }));
    await waitFor(() => expect(previews.at(-1)?.fields?.name).toBe('c2'));
    expect(previews.at(-1)).toMatchObject({ keepId: 'c1', mergeIds: ['c2'] });
    fireEvent.click(within(kept).getByRole('radio', { name: 'Keep FISH WORLD LLC' }));
    await waitFor(() => expect(previews.at(-1)?.keepId).toBe('c2'));
    expect(previews.at(-1)?.mergeIds).toEqual(['c1']);
    expect(await within(preview).findByText('5')).toBeTruthy();
    // The city no one chose explicitly follows the kept record.
    expect(previews.at(-1)?.fields?.city).toBe('c2');

    // Someone changes the LLC meanwhile: the merge is refused, the dialog explains and reloads.
    current = [fishWorld, { ...fishLlc, updatedAt: '2026-02-02T00:00:00Z', city: 'Мурманск' }];
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    const alert = await within(dialog).findByText(/was changed by someone else/);
    expect(alert.closest('[role="alert"]')?.textContent).toContain('Reload them to see their current values');
    expect(merges[0]?.seen).toEqual([
      { id: 'c1', updatedAt: '2026-01-01T00:00:00Z' },
      { id: 'c2', updatedAt: '2026-01-01T00:00:00Z' },
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reload the records' }));
    expect(await within(dialog).findByRole('radio', { name: 'Мурманск' })).toBeTruthy();
    await waitFor(() => expect(within(dialog).queryByText(/was changed by someone else/)).toBeNull());

    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/companies/c2'));
    expect(merges.at(-1)).toMatchObject({
      keepId: 'c2',
      mergeIds: ['c1'],
      fields: { name: 'c2', kind: 'c2', city: 'c2', website: 'c2' },
    });
    expect(merges.at(-1)?.seen).toContainEqual({ id: 'c2', updatedAt: '2026-02-02T00:00:00Z' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows why the server would refuse a merge', async () => {
    const { link } = scriptedLink(
      viewerAnswer,
      candidatesAnswer(),
      answer(MergeCompaniesPreviewQuery).with(({ input }) => {
        const result = companiesPreview(input);
        result.data.mergeCompaniesPreview.userErrors = [
          {
            __typename: 'UserError',
            field: ['input'],
            code: 'CONFLICT',
            message: 'The deal "Caviar" has one of these companies as exporter and another as buyer.',
            existingId: null,
          },
        ] as never;
        return result;
      }),
    );
    renderRoutes({ transport: link, url: '/duplicates?merge=c1,c2', routes });

    const dialog = await screen.findByRole('dialog', { name: 'Merge companies' });
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal.textContent).toContain('The merge would be refused:');
    expect(refusal.textContent).toContain('has one of these companies as exporter and another as buyer');
  });

  it('merges two contacts and opens the kept contact’s company', async () => {
    const merges: MergeContactsInput[] = [];
    const { link } = scriptedLink(
      viewerAnswer,
      candidatesAnswer(),
      answer(MergeContactsPreviewQuery).with(({ input }) => ({
        data: {
          mergeContactsPreview: {
            __typename: 'MergeContactsPreview',
            keep: input.keepId === 'p1' ? irina : irina2,
            merged: [input.keepId === 'p1' ? irina2 : irina],
            result: {
              __typename: 'MergedContactValues',
              fullName: 'Irina Petrova',
              jobTitle: 'Directrice export',
              email: 'irina@fish-world.example',
              phone: null,
              languages: ['fr', 'ru'],
            },
            moves: [{ __typename: 'MergeMove', relation: 'INTERACTIONS', count: 3 }],
            userErrors: [],
          },
        },
      })),
      answer(MergeContactsMutation).with(({ input }) => {
        merges.push(input);
        return {
          data: {
            mergeContacts: {
              __typename: 'MergeContactsPayload',
              contact: { ...irina, id: String(input.keepId) },
              userErrors: [],
            },
          },
        };
      }),
    );
    const { router } = renderRoutes({ transport: link, url: '/duplicates?kind=contacts&merge=p1,p2', routes });

    const dialog = await screen.findByRole('dialog', { name: 'Merge contacts' });
    const names = await within(dialog).findByRole('radiogroup', { name: 'Full name' });
    fireEvent.click(within(names).getByRole('radio', { name: 'Ирина Петрова' }));
    const preview = within(dialog).getByRole('region', { name: /^Preview of the merge/ });
    expect(within(preview).getByText('Meetings').nextElementSibling?.textContent).toBe('3');
    expect(within(preview).getByText('Languages — United on the kept record: fr, ru')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/companies/c1'));
    expect(merges[0]).toMatchObject({ keepId: 'p1', mergeIds: ['p2'], fields: { fullName: 'p2', email: 'p1' } });
  });
});
