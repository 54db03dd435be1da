// GraphQL documents of the account pages, and the session a successful sign-in result makes.
import { graphql } from '../../gql/index.ts';
import type { Session } from '../../lib/session.tsx';

export const ActivateMutation = graphql(`
  mutation ActivateAccount($input: ActivateAccountInput!) {
    activateAccount(input: $input) {
      __typename
      ... on LoginOk {
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
      ... on LoginOk {
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
      ... on LoginOk {
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

interface LoginOkData {
  token: string;
  expiresAt: string;
  user: {
    email: string;
    name: string;
    role: Session['role'];
    institutionId?: string | null;
    learnerId?: string | null;
  };
}

export const sessionOf = (ok: LoginOkData): Session => ({
  token: ok.token,
  expiresAt: ok.expiresAt,
  role: ok.user.role,
  name: ok.user.name,
  email: ok.user.email,
  learnerId: ok.user.learnerId ?? null,
  institutionId: ok.user.institutionId ?? null,
});
