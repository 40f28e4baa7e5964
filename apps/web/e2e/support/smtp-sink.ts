import { once } from 'node:events';
import { SMTPServer } from 'smtp-server';

export interface SinkMail {
  to: string[];
  /** The message as sent, with quoted-printable soft breaks and `=XX` escapes undone. */
  text: string;
}

export interface SmtpSink {
  url: string;
  mails(): SinkMail[];
  stop(): Promise<void>;
}

/**
 * An SMTP server in the test process that keeps every message it is given, so a test can read
 * the links the API mails (it stores only hashes of their tokens, so the mail is the only place
 * a token can be read back from).
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SinkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const address = server.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('smtp sink: no port');
  }
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mails: () => [...received],
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Enough of RFC 2045 quoted-printable for ASCII links: soft line breaks and `=XX` bytes. */
export function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The token of the first `<web>/<page>?token=…` link in a mail. */
export function tokenInMail(mail: SinkMail, page: 'accept-invite' | 'reset-password'): string {
  const match = new RegExp(`/${page}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.text);
  if (!match?.[1]) {
    throw new Error(`no /${page} link in the mail:\n${mail.text.slice(0, 2000)}`);
  }
  return decodeURIComponent(match[1]);
}
