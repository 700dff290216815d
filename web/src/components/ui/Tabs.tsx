import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  /** A count shown beside the label (e.g. the delegation's size). */
  count?: number;
}

/** The id of a tab's button, for the panel's `aria-labelledby`. */
export function tabId(prefix: string, id: string): string {
  return `${prefix}-tab-${id}`;
}

/**
 * An ARIA tab list: one tab in the page's tab order (the selected one), arrow keys move between
 * tabs (wrapping), Home and End go to the first and last. The caller renders the tab panel with
 * `id={panelId}` and `aria-labelledby={tabId(prefix, selected)}`.
 */
export function Tabs<T extends string>({
  label,
  prefix,
  items,
  selected,
  onSelect,
  panelId,
}: {
  label: string;
  prefix: string;
  items: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** The panel a tab controls: one id for all tabs, or one per tab. */
  panelId: string | ((id: T) => string);
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.id === selected);
    const last = items.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % items.length
        : event.key === 'ArrowLeft'
          ? (index + last) % items.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    onSelect(items[next].id);
    document.getElementById(tabId(prefix, items[next].id))?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className="ui-tabs" onKeyDown={onKeyDown} tabIndex={-1}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          id={tabId(prefix, item.id)}
          aria-selected={item.id === selected}
          aria-controls={typeof panelId === 'function' ? panelId(item.id) : panelId}
          tabIndex={item.id === selected ? 0 : -1}
          className="ui-tabs__tab"
          onClick={() => onSelect(item.id)}
        >
          {item.label}
          {item.count !== undefined && <span className="ui-tabs__count">{item.count}</span>}
        </button>
      ))}
    </div>
  );
}
