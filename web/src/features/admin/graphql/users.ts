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
        ...UsersTable_user
      }
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      user {
        id
        ...UsersTable_user
      }
      link {
        ...OneTimeLinkView_link @unmask
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const SetUserRoleMutation = graphql(`
  mutation SetUserRole($input: SetUserRoleInput!) {
    setUserRole(input: $input) {
      user {
        id
        ...UsersTable_user
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($input: DeactivateUserInput!) {
    deactivateUser(input: $input) {
      user {
        id
        ...UsersTable_user
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($input: ReactivateUserInput!) {
    reactivateUser(input: $input) {
      user {
        id
        ...UsersTable_user
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);

export const ResetPasswordLinkMutation = graphql(`
  mutation ResetPasswordLink($input: ResetPasswordLinkInput!) {
    resetPasswordLink(input: $input) {
      user {
        id
        ...UsersTable_user
      }
      link {
        ...OneTimeLinkView_link @unmask
      }
      userErrors {
        ...MutationForm_userError @unmask
      }
    }
  }
`);
