import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';

export const ViewerProfileFragment = graphql(`
  fragment ViewerProfile_user on User {
    fullName
    role
    agency {
      id
      name
    }
  }
`);

export function ViewerProfile({ user }: { user: FragmentType<typeof ViewerProfileFragment> }) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: ViewerProfileFragment, from: user });
  if (!complete) return null;

  return (
    <dl className="viewer-profile">
      <div className="viewer-profile__row">
        <dt>{t('home.fullName')}</dt>
        <dd>{data.fullName}</dd>
      </div>
      <div className="viewer-profile__row">
        <dt>{t('home.role')}</dt>
        <dd>{t(`roles.${data.role}`)}</dd>
      </div>
      <div className="viewer-profile__row">
        <dt>{t('home.agency')}</dt>
        <dd>{data.agency.name}</dd>
      </div>
    </dl>
  );
}
