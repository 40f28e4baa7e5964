/**
 * Rejects with `message` when `operation` has not settled within `ms`. The SDK never times a
 * QoS 1 publish out itself (it waits for the PUBACK across reconnects), so callers that must
 * move on bound the wait here.
 */
export async function withTimeout<T>(operation: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([operation, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
