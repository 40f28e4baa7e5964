// Console output of the launcher: its own progress lines, and the children's pino JSON lines
// condensed to one readable line each. Everything a child prints also goes to its log file.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const tty = process.stdout.isTTY;
const paint = (code, text) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const COLORS = [36, 35, 33, 32, 34, 91, 92, 93, 94, 95, 96];

export function step(text) {
  process.stdout.write(`${paint('1;34', '›')} ${text}\n`);
}
export function ok(text) {
  process.stdout.write(`${paint('32', '✔')} ${text}\n`);
}
export function fail(text) {
  process.stderr.write(`${paint('31', '✖')} ${text}\n`);
}

/** One line of a child's output in condensed form, or undefined when it is below `minLevel`. */
export function formatChildLine(line, minLevel) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line; // not pino JSON (Next.js, nats-server): pass through
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.level !== 'number') {
    return line;
  }
  if (entry.level < minLevel) {
    return undefined;
  }
  const { level, time, pid, hostname, msg, name, ...rest } = entry;
  const extra = Object.entries(rest)
    .filter(([, v]) => typeof v !== 'object')
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const tag =
    level >= 50 ? paint('31', LEVELS[level]) : level >= 40 ? paint('33', LEVELS[level]) : LEVELS[level];
  return `${tag} ${msg ?? ''}${extra ? ` ${paint('2', extra)}` : ''}`;
}

let colorIndex = 0;
/** Pipes a child's stdout/stderr into its log file and, condensed, onto the console. */
export function attachChildOutput(child, name, { logDir, minLevel }) {
  mkdirSync(logDir, { recursive: true });
  const file = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const prefix = paint(String(COLORS[colorIndex++ % COLORS.length]), name.padEnd(12));
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk) => {
      file.write(chunk);
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const shown = line.trim() === '' ? undefined : formatChildLine(line, minLevel);
        if (shown !== undefined && (minLevel <= 30 || /error|warn|fatal|ERR/i.test(shown))) {
          process.stdout.write(`${prefix} ${shown}\n`);
        }
      }
    });
  }
  child.on('exit', () => file.end());
}
