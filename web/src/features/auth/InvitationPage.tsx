import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/ui/Button';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { Spinner } from '../../components/ui/Spinner';
import { TextField } from '../../components/ui/TextField';
import { useMutationForm } from '../../lib/forms/useMutationForm';
import { switchLanguage } from '../../lib/i18n/i18n';
import { isLanguage, readStoredLanguage } from '../../lib/i18n/languages';
import { useFormat } from '../../lib/i18n/useFormat';
import { ViewerQuery } from '../../lib/session/viewer';
import { AuthHeader } from './components/AuthHeader';
import { AcceptInvitationMutation, InvitationQuery } from './graphql/invitation';
import { SIGN_IN_PATH } from './signInPath';
import './auth.css';
import { QueryError } from '../../components/ui/QueryError';

/** AcceptInvitationInput.password: "At least 10 characters." */
export const MIN_PASSWORD_LENGTH = 10;

type Field = 'password' | 'confirmation';

export function InvitationPage() {
  const { t, i18n } = useTranslation();
  const { formatDate } = useFormat();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(InvitationQuery, {
    variables: { token },
    skip: !token,
    fetchPolicy: 'network-only',
  });
  const [accept] = useMutation(AcceptInvitationMutation);

  // Greet the invitee in the language their admin chose, unless this browser already has one.
  const invitedLocale = data?.invitation?.locale;
  useEffect(() => {
    if (invitedLocale && isLanguage(invitedLocale) && !readStoredLanguage()) {
      void switchLanguage(i18n, invitedLocale, false);
    }
  }, [invitedLocale, i18n]);

  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const form = useMutationForm(['password']);
  const { errors: fieldErrors, saving: accepting } = form;
  const formError = form.formErrors.length > 0 ? form.formErrors.join(' ') : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local: Partial<Record<Field, string>> = {};
    if (!password) local.password = t('auth.invitation.required');
    else if (password.length < MIN_PASSWORD_LENGTH)
      local.password = t('auth.invitation.tooShort', { count: MIN_PASSWORD_LENGTH });
    if (!confirmation) local.confirmation = t('auth.invitation.required');
    else if (password && confirmation !== password) local.confirmation = t('auth.invitation.mismatch');
    return form.submit(
      async () => (await accept({ variables: { input: { token, password } } })).data?.acceptInvitation,
      {
        check: local,
        onSuccess: async ({ user }) => {
          // The server has signed the user in (session cookie): the shell learns who they are.
          if (user) client.writeQuery({ query: ViewerQuery, data: { viewer: user } });
          try {
            // Asks the server, with the new session cookie, who is signed in (the shell reads this query).
            await client.query({ query: ViewerQuery, fetchPolicy: 'network-only' });
          } catch {
            // The user written above is enough to enter; the next request will tell if the session holds.
          }
          await navigate('/', { replace: true });
        },
      },
    );
  }

  let content: ReactNode;
  if (loading && !data) {
    content = <Spinner size="large" label={t('auth.invitation.loading')} />;
  } else if (error) {
    content = <QueryError refetch={refetch} />;
  } else if (!token || !data?.invitation) {
    content = (
      <>
        <AuthHeader title={t('auth.invitation.invalidTitle')} subtitle={t('auth.invitation.invalidText')} />
        <Link
          to={SIGN_IN_PATH}
          className="ui-button ui-button--secondary ui-button--medium sign-in__submit"
          style={{ textDecoration: 'none' }}
        >
          {t('auth.invitation.toSignIn')}
        </Link>
      </>
    );
  } else {
    const invitation = data.invitation;
    const reset = invitation.purpose === 'PASSWORD_RESET';
    content = (
      <>
        <AuthHeader
          title={reset ? t('auth.invitation.resetTitle') : t('auth.invitation.title', { name: invitation.fullName })}
          subtitle={
            reset
              ? t('auth.invitation.resetSubtitle', { email: invitation.email })
              : t('auth.invitation.subtitle', { email: invitation.email, agency: invitation.agencyName })
          }
        />
        <p className="sign-in__notice">
          {t('auth.invitation.expires', {
            date: formatDate(invitation.expiresAt, { dateStyle: 'long', timeStyle: 'short' }),
          })}
        </p>
        <form className="ui-stack sign-in__form" onSubmit={(event) => void submit(event)} noValidate>
          {formError && <ErrorMessage>{formError}</ErrorMessage>}
          {/* Lets password managers store the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
          <TextField
            label={t('auth.invitation.password')}
            type="password"
            name="new-password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            hint={t('auth.invitation.passwordHint', { count: MIN_PASSWORD_LENGTH })}
            error={fieldErrors.password}
          />
          <TextField
            label={t('auth.invitation.confirmation')}
            type="password"
            name="confirm-password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            error={fieldErrors.confirmation}
          />
          <Button type="submit" loading={accepting} className="sign-in__submit">
            {accepting
              ? t('auth.invitation.submitting')
              : reset
                ? t('auth.invitation.resetSubmit')
                : t('auth.invitation.submit')}
          </Button>
        </form>
      </>
    );
  }

  return (
    <div className="sign-in">
      <div className="sign-in__card">{content}</div>
    </div>
  );
}
