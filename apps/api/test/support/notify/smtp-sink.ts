// A real SMTP server process for the tests (the `smtp-server` package): accepts every message on
// 127.0.0.1:<port> and appends it as one JSON line {from, to, raw} to <file>. Run with tsx:
//   smtp-sink.ts <port> <file>
import { appendFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

const [portArg, file] = process.argv.slice(2);
if (!portArg || !file) {
  console.error('usage: smtp-sink.ts <port> <file>');
  process.exit(2);
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const record = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      };
      appendFileSync(file, `${JSON.stringify(record)}\n`);
      callback();
    });
  },
});
server.listen(Number(portArg), '127.0.0.1', () => console.log(`smtp-sink listening on ${portArg}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
