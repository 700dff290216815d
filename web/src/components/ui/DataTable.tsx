import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { classNames } from './classNames';
import './ui.css';

export type SortDirection = 'ASC' | 'DESC';

export interface SortState<F extends string = string> {
  field: F;
  direction: SortDirection;
}

export interface Column<Row, F extends string = string> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** The server's order field for this column; sortable columns get a button in their header. */
  sortField?: F;
  align?: 'start' | 'end';
  /** Hidden below tablet width, to keep the table readable. */
  secondary?: boolean;
}

export interface DataTableProps<Row, F extends string = string> {
  caption: string;
  columns: readonly Column<Row, F>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sort?: SortState<F>;
  onSortChange?: (sort: SortState<F>) => void;
  /** Labels for the sort buttons' states; "sorted ascending/descending" (common.*) by default. */
  sortLabels?: { ascending: string; descending: string };
  /** Shown instead of the rows when there are none. */
  empty?: ReactNode;
  /** Dims the rows while a new page or order loads, keeping the previous ones visible. */
  busy?: boolean;
}

/** A table whose sorting happens on the server: headers tell the caller which order field was chosen. */
export function DataTable<Row, F extends string = string>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  onSortChange,
  sortLabels,
  empty,
  busy,
}: DataTableProps<Row, F>) {
  const { t } = useTranslation();
  const sortText = sortLabels ?? { ascending: t('common.sortAscending'), descending: t('common.sortDescending') };
  return (
    <div className={classNames('ui-table-wrap', busy && 'ui-table-wrap--busy')} aria-busy={busy || undefined}>
      <table className="ui-table">
        <caption className="ui-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort && column.sortField && sort.field === column.sortField;
              const ariaSort = active ? (sort.direction === 'ASC' ? 'ascending' : 'descending') : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={ariaSort}
                  className={classNames(
                    column.align === 'end' && 'ui-table__cell--end',
                    column.secondary && 'ui-table__cell--secondary',
                  )}
                >
                  {column.sortField && onSortChange ? (
                    <button
                      type="button"
                      className="ui-table__sort"
                      onClick={() =>
                        onSortChange({
                          field: column.sortField as F,
                          direction: active && sort.direction === 'ASC' ? 'DESC' : 'ASC',
                        })
                      }
                    >
                      {column.header}
                      <span aria-hidden="true" className="ui-table__sort-icon">
                        {active ? (sort.direction === 'ASC' ? '▲' : '▼') : '↕'}
                      </span>
                      {active && (
                        <span className="ui-visually-hidden">
                          {sort.direction === 'ASC' ? sortText.ascending : sortText.descending}
                        </span>
                      )}
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td
                    key={column.key}
                    className={classNames(
                      column.align === 'end' && 'ui-table__cell--end',
                      column.secondary && 'ui-table__cell--secondary',
                    )}
                  >
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
