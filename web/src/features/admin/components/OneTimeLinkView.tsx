import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/ui/CopyField';
import { graphql } from '../../../gql';
import type { OneTimeLinkView_LinkFragment } from '../../../gql/graphql';
import { useFormat } from '../../../lib/i18n/useFormat';

/** @public A document graphql-codegen reads: the mutations that make a link select it unmasked. */
export const OneTimeLinkViewFragment = graphql(`
  fragment OneTimeLinkView_link on OneTimeLink {
    path
    expiresAt
    purpose
  }
`);

export interface OneTimeLinkViewProps {
  link: OneTimeLinkView_LinkFragment;
  /** Whose link it is, for the sentence above it. */
  fullName: string;
  kind: 'invitation' | 'reset';
}

/** A one-time link, joined to this app's address, with its expiry and a Copy button. */
export function OneTimeLinkView({ link, fullName, kind }: OneTimeLinkViewProps) {
  const { t } = useTranslation('admin');
  const { formatDate } = useFormat();
  const url = new URL(link.path, window.location.origin).toString();
  return (
    <div className="ui-stack ui-stack--tight admin-link">
      <p>
        {kind === 'invitation'
          ? t('link.invitationIntro', { name: fullName })
          : t('link.resetIntro', { name: fullName })}
      </p>
      <CopyField
        label={kind === 'invitation' ? t('link.invitationLabel') : t('link.resetLabel')}
        value={url}
        copiedMessage={t('copy.copied')}
      />
      <p className="admin-link__warning" role="note">
        {t('link.once', { date: formatDate(link.expiresAt, { dateStyle: 'long', timeStyle: 'short' }) })}
      </p>
    </div>
  );
}
