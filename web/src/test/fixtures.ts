import { ViewerQuery } from '../lib/session/viewer';
import { answer } from './scriptedLink';

export const agency = {
  __typename: 'Agency' as const,
  id: 'agency-1',
  name: 'Agence de promotion des exportations',
  shortName: 'APEX',
};

export const viewer = {
  __typename: 'User' as const,
  id: 'user-1',
  fullName: 'Camille Durand',
  email: 'camille@apex.example',
  role: 'ACCOUNT_MANAGER' as const,
  locale: 'fr' as const,
  agency,
};

/** The Viewer query answered with the fixture viewer in the given role. */
export function viewerAnswer(role: 'ACCOUNT_MANAGER' | 'ADMIN' | 'ANALYST' = 'ACCOUNT_MANAGER') {
  return answer(ViewerQuery).with(() => ({ data: { viewer: { ...viewer, role } } }));
}
