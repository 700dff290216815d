import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { SignOutMutation } from '../graphql/session';
import { SIGN_IN_PATH } from '../signInPath';

export function useSignOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading, error }] = useMutation(SignOutMutation);

  const signOut = useCallback(async () => {
    await logout();
    // Leave the signed-in pages first, then drop every cached record of this user, so
    // nothing still mounted refetches, and the next person on this browser sees none of it.
    await navigate(SIGN_IN_PATH, { replace: true });
    await client.clearStore();
  }, [client, logout, navigate]);

  return { signOut, loading, error };
}
