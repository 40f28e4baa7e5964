import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort, type RunningProcess, startTs, stopProcess, waitFor } from '@fleet/test-kit';

export interface ReceivedMail {
  from: string | null;
  to: string[];
  raw: string;
  /** Header value, unfolded. */
  header(name: string): string | undefined;
  /** The raw message with quoted-printable soft breaks and escapes undone, for text searches. */
  decoded: string;
}

/** The SMTP sink as a child process, and the mail it wrote. */
export interface SmtpSink {
  url: string;
  messages(): ReceivedMail[];
  stop(): Promise<void>;
}

export async function startSmtpSink(dir: string): Promise<SmtpSink> {
  const port = await freePort();
  const file = resolve(dir, `smtp-${port}.jsonl`);
  const proc: RunningProcess = startTs('smtp-sink', resolve(import.meta.dirname, 'smtp-sink.ts'), [
    String(port),
    file,
  ]);
  await waitFor('smtp-sink', () => proc.output().includes('listening'), 30_000, proc.output);
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages: () =>
      existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => toMail(JSON.parse(line) as { from: string | null; to: string[]; raw: string }))
        : [],
    stop: () => stopProcess(proc),
  };
}

function toMail(r: { from: string | null; to: string[]; raw: string }): ReceivedMail {
  const [head = ''] = r.raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const decoded = decodeQuotedPrintable(r.raw);
  return {
    ...r,
    decoded,
    header: (name) =>
      unfolded
        .split(/\r?\n/)
        .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
        ?.slice(name.length + 1)
        .trim()
        .replace(/\?=\s+=\?UTF-8\?Q\?/gi, '')
        .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) => decodeQ(q)),
  };
}

/** RFC 2047 Q encoding: `_` is a space, `=XX` a byte of UTF-8. */
function decodeQ(q: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < q.length; i++) {
    if (q[i] === '=' && i + 2 < q.length) {
      bytes.push(Number.parseInt(q.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(q[i] === '_' ? 0x20 : q.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Quoted-printable body text: soft line breaks joined, `=XX` bytes decoded as UTF-8. */
function decodeQuotedPrintable(raw: string): string {
  const joined = Buffer.from(raw.replace(/=\r?\n/g, ''), 'utf8');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.subarray(i + 1, i + 3).toString('latin1');
    if (joined[i] === 0x3d && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined[i]!);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
