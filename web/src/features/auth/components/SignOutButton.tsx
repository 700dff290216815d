import { useTranslation } from 'react-i18next';
import { Button, type ButtonProps } from '../../../components/ui/Button';
import { useSignOut } from '../hooks/useSignOut';

export function SignOutButton(props: Omit<ButtonProps, 'onClick' | 'loading' | 'children'>) {
  const { t } = useTranslation();
  const { signOut, loading } = useSignOut();
  return (
    <Button variant="secondary" {...props} loading={loading} onClick={() => void signOut().catch(() => {})}>
      {loading ? t('auth.signingOut') : t('auth.signOut')}
    </Button>
  );
}
