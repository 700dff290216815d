import { ApolloLink, gql, type TypedDocumentNode } from '@apollo/client';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createApolloClient } from '../apollo/client';
import { type ListPage, useListPage } from './useListPage';

interface ProbeData {
  companies: {
    __typename: 'CompanyConnection';
    totalCount: number;
    pageInfo: {
      __typename: 'PageInfo';
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    nodes: { __typename: 'Company'; id: string; name: string }[];
  };
}

const ProbeQuery: TypedDocumentNode<ProbeData, Record<string, unknown>> = gql`
  query ListProbe($country: String!, $first: Int, $after: String, $last: Int, $before: String) {
    companies(filter: { countries: [$country] }, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        name
      }
    }
  }
`;

/** A fake server with six companies per country, paged by `after` (the index of the last row seen). */
function recordingTransport() {
  const requests: Record<string, unknown>[] = [];
  const transport = new ApolloLink((operation) => {
    const variables = { ...operation.variables };
    requests.push(variables);
    const start = variables.after ? Number(variables.after) : 0;
    const first = Number(variables.first ?? 2);
    const rows = Array.from({ length: 6 }, (_, i) => ({
      __typename: 'Company' as const,
      id: `${variables.country}-${i + 1}`,
      name: `${variables.country} company ${i + 1}`,
    })).slice(start, start + first);
    return of({
      data: {
        companies: {
          __typename: 'CompanyConnection',
          totalCount: 6,
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage: start + first < 6,
            hasPreviousPage: start > 0,
            startCursor: String(start),
            endCursor: String(start + rows.length),
          },
          nodes: rows,
        },
      },
    });
  });
  return { transport, requests };
}

function Probe({ forwardOnly = false }: { forwardOnly?: boolean }) {
  const [country, setCountry] = useState('MA');
  const page: ListPage = useListPage({ country }, { pageSize: 2, forwardOnly });
  const { data } = useQuery(ProbeQuery, { variables: { country, ...page.variables } });
  const connection = data?.companies;
  return (
    <div>
      <button type="button" onClick={() => setCountry('RU')}>
        Russia
      </button>
      {connection && (
        <>
          <ul>
            {connection.nodes.map((node) => (
              <li key={node.id}>{node.name}</li>
            ))}
          </ul>
          <button
            type="button"
            disabled={!page.hasPrevious(connection.pageInfo)}
            onClick={() => page.previous(connection.pageInfo)}
          >
            Previous
          </button>
          <button
            type="button"
            disabled={!page.hasNext(connection.pageInfo)}
            onClick={() => page.next(connection.pageInfo)}
          >
            Next
          </button>
        </>
      )}
    </div>
  );
}

function renderProbe(forwardOnly = false) {
  const { transport, requests } = recordingTransport();
  const client = createApolloClient({ transport, onUnauthenticated: () => {} });
  render(
    <ApolloProvider client={client}>
      <Probe forwardOnly={forwardOnly} />
    </ApolloProvider>,
  );
  return requests;
}

const names = () => screen.queryAllByRole('listitem').map((item) => item.textContent);

describe('useListPage', () => {
  it('goes back to the first page when the filter changes, never asking under the old cursor', async () => {
    const requests = renderProbe();
    await waitFor(() => expect(names()).toEqual(['MA company 1', 'MA company 2']));

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(names()).toEqual(['MA company 3', 'MA company 4']));
    expect(requests.at(-1)).toMatchObject({ country: 'MA', first: 2, after: '2' });

    const before = requests.length;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Russia' })));
    await waitFor(() => expect(names()).toEqual(['RU company 1', 'RU company 2']));

    const underNewFilter = requests.slice(before);
    expect(underNewFilter).toHaveLength(1);
    expect(underNewFilter[0]).toMatchObject({ country: 'RU', first: 2 });
    expect(underNewFilter[0]?.after).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Previous' }).hasAttribute('disabled')).toBe(true);
  });

  it('asks for the page before with last/before', async () => {
    const requests = renderProbe();
    await waitFor(() => expect(names()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(names()).toEqual(['MA company 3', 'MA company 4']));

    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ last: 2, before: '2' }));
  });

  it('walks back through the cursors it passed when the connection only pages forward', async () => {
    const requests = renderProbe(true);
    await waitFor(() => expect(names()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(names()).toEqual(['MA company 3', 'MA company 4']));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(names()).toEqual(['MA company 5', 'MA company 6']));

    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(names()).toEqual(['MA company 3', 'MA company 4']));
    expect(requests.some((variables) => 'before' in variables && variables.before !== undefined)).toBe(false);
    expect(screen.getByRole('button', { name: 'Previous' }).hasAttribute('disabled')).toBe(false);
  });
});
