/** Counters of the fan-out worker, logged and readable by tests; bad input is counted by reason. */
export class NotifyStats {
  readonly rejectedEvents = new Map<string, number>();
  acceptedEvents = 0;
  skippedEvents = 0;
  delivered = 0;
  failedAttempts = 0;
  dead = 0;

  reject(reason: string): void {
    this.rejectedEvents.set(reason, (this.rejectedEvents.get(reason) ?? 0) + 1);
  }
}
