import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { rememberViewerLanguage } from '../../../lib/i18n/languages';
import { SignOutMutation } from '../graphql/session';
import { SIGN_IN_PATH } from '../signInPath';

export function useSignOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading, error }] = useMutation(SignOutMutation);

  const signOut = useCallback(async () => {
    await logout();
    // The next page load is for someone not signed in: it follows the browser again.
    rememberViewerLanguage(null);
    // Leave the signed-in pages first, then drop every cached record of this user, so
    // nothing still mounted refetches, and the next person on this browser sees none of it.
    await navigate(SIGN_IN_PATH, { replace: true });
    await client.clearStore();
  }, [client, logout, navigate]);

  return { signOut, loading, error };
}
