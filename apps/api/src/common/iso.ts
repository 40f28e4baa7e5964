/** JSON carries instants as ISO 8601 strings; absent stays null. */
export function isoOrNull(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
