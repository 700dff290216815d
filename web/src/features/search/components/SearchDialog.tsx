import { useQuery } from '@apollo/client/react';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { classNames } from '../../../components/ui/classNames';
import { Dialog } from '../../../components/ui/Dialog';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { Spinner } from '../../../components/ui/Spinner';
import { graphql } from '../../../gql';
import type { SearchDialog_EdgeFragment as Edge } from '../../../gql/graphql';
import { useDebouncedValue } from '../../../lib/hooks/useDebouncedValue';
import { SEARCH_PAGE_SIZE } from '../../../lib/pagination/useListPage';
import { SearchPaletteQuery } from '../graphql/search';
import { Highlighted } from './Highlighted';

/** The server's limit. */
const MAX_QUERY_LENGTH = 200;
/** The server needs a letter or a digit; punctuation alone is not sent. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

/** @public A document graphql-codegen reads; SearchPaletteQuery, run by this dialog, selects it unmasked. */
export const SearchDialogEdgeFragment = graphql(`
  fragment SearchDialog_edge on SearchHitEdge {
    cursor
    node {
      kind
      matchedField
      snippet
      highlights {
        start
        length
      }
      node {
        __typename
        ... on Company {
          id
          name
          city
          country
        }
        ... on Contact {
          id
          fullName
          company {
            id
            name
          }
        }
        ... on Mission {
          id
          name
          city
        }
        ... on Deal {
          id
          title
        }
      }
    }
  }
`);

interface Result {
  key: string;
  kind: Edge['node']['kind'];
  name: string;
  /** Where the record sits: the contact's company, the company's city... */
  context: string | null;
  url: string;
  edge: Edge;
}

/** Where a hit opens: a contact opens its company's page (contacts are listed there). */
export function resultOf(edge: Edge): Result {
  const { node } = edge.node;
  const base = { key: edge.cursor, kind: edge.node.kind, edge };
  switch (node.__typename) {
    case 'Company':
      return {
        ...base,
        name: node.name,
        context: [node.city, node.country].filter(Boolean).join(', '),
        url: `/companies/${node.id}`,
      };
    case 'Contact':
      return { ...base, name: node.fullName, context: node.company.name, url: `/companies/${node.company.id}` };
    case 'Mission':
      return { ...base, name: node.name, context: node.city ?? null, url: `/missions/${node.id}` };
    default:
      return { ...base, name: node.title, context: null, url: `/pipeline?deal=${node.id}` };
  }
}

export interface SearchDialogProps {
  onClose: () => void;
}

/**
 * The command palette: one field over companies, contacts, missions and deals (ARIA combobox
 * with a listbox). Arrows move, Enter opens the record, Escape closes.
 */
export function SearchDialog({ onClose }: SearchDialogProps) {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const listboxId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // After the dialog's showModal (a child's effect runs first), which focuses its first button.
  useEffect(() => inputRef.current?.focus(), []);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text.trim(), 200);
  const searchable = SEARCHABLE.test(query);

  const { data, previousData, loading, error, refetch } = useQuery(SearchPaletteQuery, {
    variables: { query, first: SEARCH_PAGE_SIZE },
    skip: !searchable,
    fetchPolicy: 'network-only',
  });
  const shown = searchable ? (data ?? previousData) : undefined;
  const results = useMemo(() => (shown?.search.edges ?? []).map(resultOf), [shown]);
  const typing = text.trim() !== query;

  function open(result: Result | undefined) {
    if (!result) return;
    onClose();
    navigate(result.url);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, Math.max(results.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!typing) open(results[active]);
    }
  }

  const activeId = results[active] ? `${listboxId}-${active}` : undefined;
  let status: ReactNode = null;
  if (!searchable) status = <p className="search-palette__hint">{t('hint')}</p>;
  else if (error) {
    status = <ErrorMessage retry={{ label: t('retry'), onRetry: () => void refetch() }}>{t('error')}</ErrorMessage>;
  } else if (loading && results.length === 0) status = <Spinner label={t('loading')} />;
  else if (!loading && !typing && results.length === 0) {
    status = <p className="search-palette__hint">{t('empty', { query })}</p>;
  }

  return (
    <Dialog open title={t('title')} onClose={onClose} closeLabel={t('close')} className="search-palette">
      <div className="search-palette__body">
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          className="ui-field__input search-palette__input"
          aria-label={t('label')}
          aria-autocomplete="list"
          aria-expanded={results.length > 0}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          placeholder={t('placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_QUERY_LENGTH}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div id={listboxId} role="listbox" aria-label={t('results')} className="search-palette__list">
          {results.map((result, index) => {
            const { matchedField, snippet, highlights } = result.edge.node;
            const byName = matchedField === 'NAME' || matchedField === 'TITLE';
            return (
              <div
                key={result.key}
                id={`${listboxId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className={classNames('search-palette__option', index === active && 'search-palette__option--active')}
                onMouseDown={(event) => {
                  event.preventDefault();
                  open(result);
                }}
                onMouseEnter={() => setActive(index)}
              >
                <span className={`search-palette__kind search-palette__kind--${result.kind.toLowerCase()}`}>
                  {t(`kinds.${result.kind}`)}
                </span>
                <span className="search-palette__text">
                  <span className="search-palette__name">
                    {byName ? <Highlighted text={snippet} ranges={highlights} /> : result.name}
                  </span>
                  <span className="search-palette__meta">
                    {!byName && (
                      <span className="search-palette__field">
                        {t(`fields.${matchedField}`)} <Highlighted text={snippet} ranges={highlights} />
                      </span>
                    )}
                    {result.context && <span>{result.context}</span>}
                  </span>
                </span>
              </div>
            );
          })}
        </div>
        <div aria-live="polite">{status}</div>
      </div>
    </Dialog>
  );
}
