// Strings of /reset-password, kept together so they move into src/i18n in one step.
import { MIN_PASSWORD_LENGTH, type NewPasswordProblem } from '../_lib/new-password';

export const resetPasswordMessages = {
  pageTitle: 'Choose a new password · Fleet',
  title: 'Choose a new password',
  subtitle: 'Signing in with the new password ends every other session of your account.',
  password: 'New password',
  confirm: 'New password again',
  passwordHint: `At least ${MIN_PASSWORD_LENGTH} characters.`,
  save: 'Set password',
  saving: 'Saving…',
  missingToken: 'This page needs the link from the reset mail. Ask for a new one below.',
  badLink:
    'This reset link is unknown, already used or expired (links work for one hour). Ask for a new one.',
  newLink: 'Ask for a new link',
  rateLimited: 'Too many attempts. Wait a minute and try again.',
  unreachable: 'The server is not reachable right now. Try again in a moment.',
  problems: {
    missing: 'Enter a new password.',
    'too-short': `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
    'too-long': 'Use at most 1024 characters.',
    mismatch: 'The two passwords are not the same.',
  } satisfies Record<NewPasswordProblem, string>,
} as const;
