// Strings of /accept-invite, kept together so they move into src/i18n in one step.
import { MIN_PASSWORD_LENGTH, type NewPasswordProblem } from '../_lib/new-password';

export const acceptInviteMessages = {
  pageTitle: 'Accept invitation · Fleet',
  title: 'Join Fleet',
  subtitle: 'You were invited to Fleet. Choose your name and a password to finish your account.',
  name: 'Your name',
  password: 'Password',
  confirm: 'Password again',
  passwordHint: `At least ${MIN_PASSWORD_LENGTH} characters. Already have an owner account? Enter its password.`,
  accept: 'Accept and sign in',
  accepting: 'Joining…',
  missingName: 'Enter your name.',
  missingToken: 'This page needs the link from your invitation mail.',
  badLink:
    'This invitation is unknown, already used or expired (invitations work for 7 days). Ask for a new one.',
  wrongPassword:
    'This email already has an owner account. Enter that account’s password to add the new sites.',
  otherAccount: 'This email already has an account. Ask whoever invited you to invite that account instead.',
  rateLimited: 'Too many attempts. Wait a minute and try again.',
  unreachable: 'The server is not reachable right now. Try again in a moment.',
  problems: {
    missing: 'Enter a password.',
    'too-short': `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
    'too-long': 'Use at most 1024 characters.',
    mismatch: 'The two passwords are not the same.',
  } satisfies Record<NewPasswordProblem, string>,
} as const;
