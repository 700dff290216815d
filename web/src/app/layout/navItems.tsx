import type { ReactElement } from 'react';
import type { Role } from '../../gql/graphql';

export interface NavItem {
  to: string;
  /** Key under `nav.` in the translation namespace. */
  label:
    | 'dashboard'
    | 'missions'
    | 'companies'
    | 'contacts'
    | 'duplicates'
    | 'pipeline'
    | 'apiAccess'
    | 'audit'
    | 'users'
    | 'pipelines'
    | 'exchangeRates'
    | 'mail';
  icon: ReactElement;
  /** Roles that see the item; everyone when absent. The server enforces the same rules. */
  roles?: readonly Role[];
  end?: boolean;
}

export interface NavSection {
  label?: 'admin' | 'analysis';
  items: NavItem[];
}

function icon(d: string) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={d} />
    </svg>
  );
}

export const NAV_SECTIONS: NavSection[] = [
  {
    items: [
      {
        to: '/',
        label: 'dashboard',
        end: true,
        icon: icon('M3 3h6v8H3V3Zm8 0h6v5h-6V3ZM3 13h6v4H3v-4Zm8-3h6v7h-6v-7Z'),
      },
      {
        to: '/missions',
        label: 'missions',
        icon: icon('M10 2 3 6v2h14V6l-7-4ZM4 9v6h2V9H4Zm5 0v6h2V9H9Zm5 0v6h2V9h-2ZM3 16v2h14v-2H3Z'),
      },
      {
        to: '/companies',
        label: 'companies',
        icon: icon('M3 17V4l7-2v5l7 2v8H3Zm2-2h3v-2H5v2Zm0-4h3V9H5v2Zm0-4h3V5H5v2Zm5 8h5v-2h-5v2Zm0-4h5V9.5L10 8v3Z'),
      },
      {
        to: '/contacts',
        label: 'contacts',
        icon: icon('M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 2c-4 0-7 2-7 4.5V18h14v-1.5C17 14 14 12 10 12Z'),
      },
      { to: '/pipeline', label: 'pipeline', icon: icon('M2 3h4v14H2V3Zm6 0h4v10H8V3Zm6 0h4v6h-4V3Z') },
      {
        to: '/duplicates',
        label: 'duplicates',
        roles: ['ADMIN', 'ACCOUNT_MANAGER'],
        icon: icon('M2 4h9v9H2V4Zm7 3h9v9H9V7Zm2 2v5h5V9h-5Z'),
      },
    ],
  },
  {
    label: 'analysis',
    items: [
      {
        to: '/api-access',
        label: 'apiAccess',
        icon: icon('M7 5 2 10l5 5 1.4-1.4L4.8 10l3.6-3.6L7 5Zm6 0-1.4 1.4 3.6 3.6-3.6 3.6L13 15l5-5-5-5Z'),
      },
      {
        to: '/audit',
        label: 'audit',
        roles: ['ADMIN', 'ANALYST'],
        icon: icon('M5 2h7l4 4v12H5V2Zm2 6v2h7V8H7Zm0 4v2h7v-2H7Z'),
      },
    ],
  },
  {
    label: 'admin',
    items: [
      {
        to: '/admin/users',
        label: 'users',
        roles: ['ADMIN'],
        icon: icon(
          'M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM1 16c0-3 3-5 6-5s6 2 6 5v1H1v-1Zm13-4.9c2.5.2 5 1.6 5 3.9v2h-4v-1c0-1.9-.4-3.5-1-4.9Z',
        ),
      },
      {
        to: '/admin/pipelines',
        label: 'pipelines',
        roles: ['ADMIN'],
        icon: icon('M3 4h14v2H3V4Zm0 5h10v2H3V9Zm0 5h6v2H3v-2Z'),
      },
      {
        to: '/admin/exchange-rates',
        label: 'exchangeRates',
        roles: ['ADMIN'],
        icon: icon(
          'M4 6h10l-3-3 1.4-1.4L17.8 7l-5.4 5.4L11 11l3-3H4V6Zm12 8H6l3 3-1.4 1.4L2.2 13l5.4-5.4L9 9l-3 3h10v2Z',
        ),
      },
      {
        to: '/admin/mail',
        label: 'mail',
        roles: ['ADMIN'],
        icon: icon('M2 4h16v12H2V4Zm2 2v.6l6 4 6-4V6H4Zm12 2.9-6 4-6-4V14h12V8.9Z'),
      },
    ],
  },
];

/** The sections and items a role sees; empty sections disappear. */
export function navFor(role: Role | undefined): NavSection[] {
  return NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.roles || (role !== undefined && item.roles.includes(role))),
  })).filter((section) => section.items.length > 0);
}
