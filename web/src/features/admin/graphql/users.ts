import { graphql } from '../../../gql';

export const AdminUsersQuery = graphql(`
  query AdminUsers($filter: UserFilter, $orderBy: UserOrder, $first: Int, $after: String, $last: Int, $before: String) {
    viewer {
      id
    }
    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...UserRow_user @unmask
      }
    }
  }
`);

/** @public A document graphql-codegen reads; queries spread it by name. */
export const UserRowFragment = graphql(`
  fragment UserRow_user on User {
    id
    fullName
    email
    role
    status
    active
    lastLoginAt
    deactivatedAt
    createdAt
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      user {
        id
        ...UserRow_user
      }
      link {
        path
        expiresAt
        purpose
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const SetUserRoleMutation = graphql(`
  mutation SetUserRole($input: SetUserRoleInput!) {
    setUserRole(input: $input) {
      user {
        id
        ...UserRow_user
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($input: DeactivateUserInput!) {
    deactivateUser(input: $input) {
      user {
        id
        ...UserRow_user
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($input: ReactivateUserInput!) {
    reactivateUser(input: $input) {
      user {
        id
        ...UserRow_user
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ResetPasswordLinkMutation = graphql(`
  mutation ResetPasswordLink($input: ResetPasswordLinkInput!) {
    resetPasswordLink(input: $input) {
      user {
        id
        ...UserRow_user
      }
      link {
        path
        expiresAt
        purpose
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
