import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/ui/Button';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { EmailField, TextField } from '../../components/ui/TextField';
import { useMutationForm } from '../../lib/forms/useMutationForm';
import { switchLanguage } from '../../lib/i18n/i18n';
import { isLanguage, readStoredLanguage } from '../../lib/i18n/languages';
import { useFormat } from '../../lib/i18n/useFormat';
import { ViewerQuery } from '../../lib/session/viewer';
import { AuthHeader } from './components/AuthHeader';
import { SignInMutation } from './graphql/session';
import { signInRefusal, waitUnit } from './rateLimit';
import { safeNextPath } from './signInPath';
import './auth.css';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const { formatNumber } = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const expired = params.get('reason') === 'expired';

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The server's messages are shown as given: at the email or password field, or above the form.
  const form = useMutationForm(['email', 'password']);
  const { errors: fieldErrors, saving: loading } = form;
  const formError = form.formErrors.length > 0 ? form.formErrors.join(' ') : null;
  const [login] = useMutation(SignInMutation);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const required: FieldErrors = {};
    if (!email.trim()) required.email = t('auth.signIn.required');
    if (!password) required.password = t('auth.signIn.required');
    const sent = async () => {
      const { data } = await login({
        variables: { input: { email: email.trim(), password } },
        update(cache, { data: result }) {
          const viewer = result?.login.viewer;
          if (viewer) cache.writeQuery({ query: ViewerQuery, data: { viewer } });
        },
      });
      return data?.login;
    };
    return form.submit(sent, {
      check: required,
      onSuccess: async ({ viewer }) => {
        if (!viewer) return;
        // Until someone picks a language on this browser, the user's own language applies.
        if (!readStoredLanguage() && isLanguage(viewer.locale)) void switchLanguage(i18n, viewer.locale, false);
        await navigate(next, { replace: true });
      },
      failure: (error) => {
        const refusal = signInRefusal(error);
        if (!refusal) return null;
        const { value, unit } = waitUnit(refusal.seconds);
        const wait = formatNumber(value, { style: 'unit', unit, unitDisplay: 'short' });
        return t(refusal.busy ? 'auth.signIn.busy' : 'auth.signIn.rateLimited', { wait });
      },
    });
  }

  return (
    <div className="sign-in">
      <div className="sign-in__card">
        <AuthHeader title={t('auth.signIn.title')} subtitle={t('auth.signIn.subtitle')} />
        {expired && !formError && <p className="sign-in__notice">{t('auth.signIn.sessionExpired')}</p>}
        <form className="ui-stack sign-in__form" onSubmit={(event) => void handleSubmit(event)} noValidate>
          {formError && <ErrorMessage>{formError}</ErrorMessage>}
          <EmailField
            label={t('auth.signIn.email')}
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldErrors.email}
          />
          <TextField
            label={t('auth.signIn.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
          />
          <Button type="submit" loading={loading} className="sign-in__submit">
            {loading ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
          </Button>
        </form>
      </div>
    </div>
  );
}
