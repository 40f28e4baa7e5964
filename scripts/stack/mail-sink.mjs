#!/usr/bin/env node
// The demo's SMTP server when no NOTIFY_SMTP_URL is configured: accepts every message on
// 127.0.0.1:<port> and writes it, as received, to <dir>/<time>-<n>.eml, so alarm emails can be
// opened with any mail reader. Started by the launcher:  mail-sink.mjs <port> <dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const [portArg, dir] = process.argv.slice(2);
if (!portArg || !dir) {
  process.stderr.write('usage: mail-sink.mjs <port> <dir>\n');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      received += 1;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${received}.eml`;
      // The envelope recipients are not in every message's headers (Bcc): keep them visible.
      const envelope = `X-Envelope-To: ${session.envelope.rcptTo.map((r) => r.address).join(', ')}\r\n`;
      writeFileSync(join(dir, name), Buffer.concat([Buffer.from(envelope), ...chunks]));
      callback();
    });
  },
});
server.on('error', (error) => {
  process.stderr.write(`${JSON.stringify({ level: 50, msg: `mail sink: ${error.message}` })}\n`);
});
server.listen(Number(portArg), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ level: 30, msg: `mail sink listening on ${portArg}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
