/**
 * Where to go after login. Only a local path is accepted, so a crafted `?next=` cannot send a
 * freshly signed-in user to another site (open redirect).
 */
export function safeNextPath(value: FormDataEntryValue | string | null | undefined): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/sites';
  }
  return value === '/login' || value.startsWith('/login?') ? '/sites' : value;
}
