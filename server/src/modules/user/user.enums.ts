import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  ACCOUNT_MANAGER = 'ACCOUNT_MANAGER',
  ANALYST = 'ANALYST',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do: see the roles table in the API guide.',
});

export enum Locale {
  fr = 'fr',
  en = 'en',
  ru = 'ru',
}
registerEnumType(Locale, { name: 'Locale', description: 'Interface language.' });

export enum UserStatus {
  /** Signs in and works. */
  ACTIVE = 'ACTIVE',
  /** Invited; has not set a password through the invitation link yet. */
  INVITED = 'INVITED',
  /** Deactivated by an admin: cannot sign in, sessions ended, API tokens revoked. */
  DEACTIVATED = 'DEACTIVATED',
}
registerEnumType(UserStatus, { name: 'UserStatus', description: 'Where an account stands.' });
