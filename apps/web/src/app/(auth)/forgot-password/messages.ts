// Strings of /forgot-password, kept together so they move into src/i18n in one step.
export const forgotPasswordMessages = {
  pageTitle: 'Forgot password · Fleet',
  title: 'Forgot your password?',
  subtitle: 'Enter the email address of your account and we will mail you a link to choose a new password.',
  email: 'Email',
  send: 'Send link',
  sending: 'Sending…',
  missingEmail: 'Enter your email address.',
  invalidEmail: 'Enter an email address like name@example.com.',
  sent: 'If that address has an account, we sent a link to it. The link works once, for one hour.',
  rateLimited: 'Too many attempts. Wait a minute and try again.',
  unreachable: 'The server is not reachable right now. Try again in a moment.',
  backToSignIn: 'Back to sign in',
} as const;
