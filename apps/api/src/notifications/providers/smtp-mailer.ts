import nodemailer from 'nodemailer';
import type { EmailContent } from './email-content.js';

export type MailResult =
  | { ok: true; response: string }
  | { ok: false; permanent: boolean; response: string | null; error: string };

/**
 * Sends one message over SMTP with a fresh transport (closed after), giving up when `signal`
 * aborts. A 5xx reply to RCPT or DATA is permanent; connection trouble and 4xx are retried.
 */
export async function sendMail(
  smtpUrl: string,
  message: EmailContent & { from: string; to: string },
  signal: AbortSignal,
): Promise<MailResult> {
  const transport = nodemailer.createTransport(smtpUrl);
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new Error('SMTP send timed out'));
    if (signal.aborted) {
      onAbort();
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const info = (await Promise.race([transport.sendMail(message), aborted])) as { response?: string };
    return { ok: true, response: String(info.response ?? '') };
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; message?: string };
    const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
    return { ok: false, permanent, response: e.response ?? null, error: e.message ?? String(error) };
  } finally {
    transport.close();
  }
}
