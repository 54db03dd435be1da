// GraphQL documents of the account pages, and the session a successful sign-in result makes.
import { graphql } from '../../gql/index.ts';
import type { SignedInFragment } from '../../gql/graphql.ts';
import type { Session } from '../../lib/session.tsx';

/** What a successful sign-in, activation, reset or password change answers: the new session. */
export const SignedIn = graphql(`
  fragment SignedIn on LoginOk {
    token
    expiresAt
    user {
      id
      email
      name
      role
      institutionId
      learnerId
    }
  }
`);

export const ActivateMutation = graphql(`
  mutation ActivateAccount($input: ActivateAccountInput!) {
    activateAccount(input: $input) {
      __typename
      ...SignedIn
      ... on ResultError {
        code
        message
        field
      }
    }
  }
`);

export const ActivateStaffMutation = graphql(`
  mutation ActivateStaffAccount($input: ActivateStaffAccountInput!) {
    activateStaffAccount(input: $input) {
      __typename
      ...SignedIn
      ... on ResultError {
        code
        message
        field
      }
    }
  }
`);

export const ResetMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ...SignedIn
      ... on ResultError {
        code
        message
        field
      }
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ...SignedIn
      ... on ResultError {
        code
        message
        field
      }
    }
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

export const sessionOf = (ok: SignedInFragment): Session => ({
  token: ok.token,
  expiresAt: ok.expiresAt,
  role: ok.user.role,
  name: ok.user.name,
  email: ok.user.email,
  learnerId: ok.user.learnerId ?? null,
  institutionId: ok.user.institutionId ?? null,
});
