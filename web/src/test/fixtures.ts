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
