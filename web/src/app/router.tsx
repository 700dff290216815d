import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireViewer } from '../features/auth/components/RequireViewer';
import { SignOutButton } from '../features/auth/components/SignOutButton';
import { SIGN_IN_PATH } from '../features/auth/signInPath';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

// One chunk per page: the shell loads first, a page's code when it is first visited.
const SignInPage = lazy(() => import('../features/auth/SignInPage').then((m) => ({ default: m.SignInPage })));
const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [{ path: SIGN_IN_PATH, element: <SignInPage /> }],
      },
      {
        element: (
          <RequireViewer>
            <AppLayout />
          </RequireViewer>
        ),
        children: [{ index: true, element: <HomePage actions={<SignOutButton />} /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
