/**
 * Whether an `alarm` event of the stream concerns the alarm a page shows (any alarm when the page
 * shows a list). An event that does not parse counts: a needless refresh is cheap, a missed one not.
 */
export function concerns(data: string, alarmId: string | undefined): boolean {
  if (!alarmId) {
    return true;
  }
  try {
    return (JSON.parse(data) as { alarmId?: unknown }).alarmId === alarmId;
  } catch {
    return true;
  }
}
