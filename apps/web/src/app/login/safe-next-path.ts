/**
 * Where to go after login: by default the start page, which sends each role to its own landing
 * (owners to their system, everyone else to the fleet). Only a local path is accepted, so a crafted `?next=` cannot send a
 * freshly signed-in user to another site (open redirect).
 */
export function safeNextPath(value: FormDataEntryValue | string | null | undefined): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/';
  }
  return value === '/login' || value.startsWith('/login?') ? '/' : value;
}
