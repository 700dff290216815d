import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { RequireRole } from '../features/auth/components/RequireRole';
import { RequireViewer } from '../features/auth/components/RequireViewer';
import { SIGN_IN_PATH } from '../features/auth/signInPath';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

/** One chunk per page: the shell loads first, a page's code when it is first visited. */
function page<M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

const SignInPage = page(() => import('../features/auth/SignInPage'), 'SignInPage');
const InvitationPage = page(() => import('../features/auth/InvitationPage'), 'InvitationPage');
const ConfirmDealPage = page(() => import('../features/confirmation/ConfirmDealPage'), 'ConfirmDealPage');
const DashboardPage = page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
const MissionsPage = page(() => import('../features/missions/MissionsPage'), 'MissionsPage');
const MissionPage = page(() => import('../features/missions/MissionPage'), 'MissionPage');
const PrintAgendaPage = page(() => import('../features/missions/PrintAgendaPage'), 'PrintAgendaPage');
const CompaniesPage = page(() => import('../features/companies/CompaniesPage'), 'CompaniesPage');
const CompanyPage = page(() => import('../features/companies/CompanyPage'), 'CompanyPage');
const ContactsPage = page(() => import('../features/companies/ContactsPage'), 'ContactsPage');
const PipelinePage = page(() => import('../features/pipeline/PipelinePage'), 'PipelinePage');
const UsersPage = page(() => import('../features/admin/UsersPage'), 'UsersPage');
const PipelinesAdminPage = page(() => import('../features/admin/PipelinesAdminPage'), 'PipelinesAdminPage');
const ExchangeRatesPage = page(() => import('../features/admin/ExchangeRatesPage'), 'ExchangeRatesPage');
const AuditLogPage = page(() => import('../features/admin/AuditLogPage'), 'AuditLogPage');
const OutgoingMailPage = page(() => import('../features/admin/OutgoingMailPage'), 'OutgoingMailPage');
const ImportPage = page(() => import('../features/import/ImportPage'), 'ImportPage');
const ApiTokensPage = page(() => import('../features/api-access/ApiTokensPage'), 'ApiTokensPage');
const DuplicatesPage = page(() => import('../features/merge/DuplicatesPage'), 'DuplicatesPage');

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: SIGN_IN_PATH, element: <SignInPage /> },
          { path: '/invitation/:token', element: <InvitationPage /> },
          // An exporter's contact confirms a won deal (the link of the mail): no sign-in.
          { path: '/confirm/:token', element: <ConfirmDealPage /> },
        ],
      },
      {
        // Printable pages: signed in, without the app's chrome.
        element: (
          <RequireViewer>
            <Outlet />
          </RequireViewer>
        ),
        children: [{ path: '/missions/:missionId/agenda/:companyId/print', element: <PrintAgendaPage /> }],
      },
      {
        element: (
          <RequireViewer>
            <AppLayout />
          </RequireViewer>
        ),
        children: [
          { index: true, element: <DashboardPage /> },
          { path: '/missions', element: <MissionsPage /> },
          { path: '/missions/:missionId', element: <MissionPage /> },
          { path: '/companies', element: <CompaniesPage /> },
          { path: '/companies/:companyId', element: <CompanyPage /> },
          { path: '/contacts', element: <ContactsPage /> },
          { path: '/pipeline', element: <PipelinePage /> },
          { path: '/pipeline/:pipelineId', element: <PipelinePage /> },
          { path: '/import', element: <ImportPage /> },
          { path: '/api-access', element: <ApiTokensPage /> },
          {
            path: '/duplicates',
            element: (
              <RequireRole roles={['ADMIN', 'ACCOUNT_MANAGER']}>
                <DuplicatesPage />
              </RequireRole>
            ),
          },
          {
            path: '/admin',
            element: (
              <RequireRole roles={['ADMIN']}>
                <Outlet />
              </RequireRole>
            ),
            children: [
              { path: 'users', element: <UsersPage /> },
              { path: 'pipelines', element: <PipelinesAdminPage /> },
              { path: 'exchange-rates', element: <ExchangeRatesPage /> },
              { path: 'mail', element: <OutgoingMailPage /> },
            ],
          },
          {
            path: '/audit',
            element: (
              <RequireRole roles={['ADMIN', 'ANALYST']}>
                <AuditLogPage />
              </RequireRole>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
