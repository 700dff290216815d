/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CompanyPickerSearch($filter: CompanyFilter) {\n    companies(first: 8, filter: $filter, orderBy: { field: NAME, direction: ASC }) {\n      nodes {\n        id\n        name\n        kind\n        country\n        city\n      }\n    }\n  }\n": typeof types.CompanyPickerSearchDocument,
    "\n  query UserSelectUsers {\n    users(first: 100, filter: { active: true }, orderBy: { field: FULL_NAME, direction: ASC }) {\n      nodes {\n        id\n        fullName\n        role\n      }\n    }\n  }\n": typeof types.UserSelectUsersDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        id\n        fullName\n        email\n        role\n        locale\n        agency {\n          id\n          name\n          shortName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    logout {\n      ok\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  fragment ViewerProfile_user on User {\n    fullName\n    role\n    agency {\n      id\n      name\n    }\n  }\n": typeof types.ViewerProfile_UserFragmentDoc,
    "\n  query HomePage {\n    viewer {\n      id\n      fullName\n      ...ViewerProfile_user\n    }\n  }\n": typeof types.HomePageDocument,
    "\n  query Probe {\n    viewer {\n      id\n    }\n  }\n": typeof types.ProbeDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      fullName\n      email\n      role\n      locale\n      agency {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  query CompanyPickerSearch($filter: CompanyFilter) {\n    companies(first: 8, filter: $filter, orderBy: { field: NAME, direction: ASC }) {\n      nodes {\n        id\n        name\n        kind\n        country\n        city\n      }\n    }\n  }\n": types.CompanyPickerSearchDocument,
    "\n  query UserSelectUsers {\n    users(first: 100, filter: { active: true }, orderBy: { field: FULL_NAME, direction: ASC }) {\n      nodes {\n        id\n        fullName\n        role\n      }\n    }\n  }\n": types.UserSelectUsersDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        id\n        fullName\n        email\n        role\n        locale\n        agency {\n          id\n          name\n          shortName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    logout {\n      ok\n    }\n  }\n": types.SignOutDocument,
    "\n  fragment ViewerProfile_user on User {\n    fullName\n    role\n    agency {\n      id\n      name\n    }\n  }\n": types.ViewerProfile_UserFragmentDoc,
    "\n  query HomePage {\n    viewer {\n      id\n      fullName\n      ...ViewerProfile_user\n    }\n  }\n": types.HomePageDocument,
    "\n  query Probe {\n    viewer {\n      id\n    }\n  }\n": types.ProbeDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      fullName\n      email\n      role\n      locale\n      agency {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanyPickerSearch($filter: CompanyFilter) {\n    companies(first: 8, filter: $filter, orderBy: { field: NAME, direction: ASC }) {\n      nodes {\n        id\n        name\n        kind\n        country\n        city\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompanyPickerSearch($filter: CompanyFilter) {\n    companies(first: 8, filter: $filter, orderBy: { field: NAME, direction: ASC }) {\n      nodes {\n        id\n        name\n        kind\n        country\n        city\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSelectUsers {\n    users(first: 100, filter: { active: true }, orderBy: { field: FULL_NAME, direction: ASC }) {\n      nodes {\n        id\n        fullName\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserSelectUsers {\n    users(first: 100, filter: { active: true }, orderBy: { field: FULL_NAME, direction: ASC }) {\n      nodes {\n        id\n        fullName\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        id\n        fullName\n        email\n        role\n        locale\n        agency {\n          id\n          name\n          shortName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        id\n        fullName\n        email\n        role\n        locale\n        agency {\n          id\n          name\n          shortName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    logout {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    logout {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerProfile_user on User {\n    fullName\n    role\n    agency {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerProfile_user on User {\n    fullName\n    role\n    agency {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomePage {\n    viewer {\n      id\n      fullName\n      ...ViewerProfile_user\n    }\n  }\n"): (typeof documents)["\n  query HomePage {\n    viewer {\n      id\n      fullName\n      ...ViewerProfile_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Probe {\n    viewer {\n      id\n    }\n  }\n"): (typeof documents)["\n  query Probe {\n    viewer {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      fullName\n      email\n      role\n      locale\n      agency {\n        id\n        name\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      fullName\n      email\n      role\n      locale\n      agency {\n        id\n        name\n        shortName\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;