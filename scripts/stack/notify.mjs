// Alarm notifications in the demo: the api's delivery worker runs whenever NATS is there
// (NOTIFY_WORKER defaults to on); this adds what it needs to reach people on one machine.
// - Web Push: a VAPID key pair made on first start and kept in <data dir>/vapid.json, so
//   browsers subscribed once stay subscribed across restarts.
// - Email: NOTIFY_SMTP_URL when set; otherwise a local SMTP sink (mail-sink.mjs) that writes
//   every message to <data dir>/mail/ as an .eml file.
import { createECDH } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ok } from './log.mjs';
import { natsAccountEnv } from './nats-account.mjs';
import { portAnswers, waitFor } from './probe.mjs';

/** A P-256 key pair in the base64url form web-push and `pushManager.subscribe()` take. */
function newVapidKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: ecdh.getPrivateKey().toString('base64url'),
  };
}

function vapidKeys(dataDir) {
  if (process.env.NOTIFY_VAPID_PUBLIC_KEY && process.env.NOTIFY_VAPID_PRIVATE_KEY) {
    return {
      publicKey: process.env.NOTIFY_VAPID_PUBLIC_KEY,
      privateKey: process.env.NOTIFY_VAPID_PRIVATE_KEY,
    };
  }
  const file = join(dataDir, 'vapid.json');
  if (!existsSync(file)) {
    writeFileSync(file, JSON.stringify(newVapidKeys()), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the mail sink when needed; returns the environment the api gets and the banner's
 * line about where alarm mail goes.
 */
export async function resolveNotify({ dataDir, children, root }) {
  const vapid = vapidKeys(dataDir);
  // The api's keys made on first start travel together: VAPID here, the NATS account key beside it.
  const env = {
    NOTIFY_VAPID_PUBLIC_KEY: vapid.publicKey,
    NOTIFY_VAPID_PRIVATE_KEY: vapid.privateKey,
    ...natsAccountEnv(dataDir),
  };
  if (process.env.NOTIFY_SMTP_URL) {
    const { host } = new URL(process.env.NOTIFY_SMTP_URL);
    ok(`alarm email through NOTIFY_SMTP_URL (${host})`);
    return { env, mail: `SMTP server ${host} (NOTIFY_SMTP_URL)` };
  }
  const port = Number(process.env.MAIL_SINK_PORT ?? (await freePort()));
  const mailDir = join(dataDir, 'mail');
  children.spawn(
    'mail',
    process.execPath,
    [join(root, 'scripts/stack/mail-sink.mjs'), String(port), mailDir],
    {
      cwd: root,
    },
  );
  await waitFor('the local mail sink', () => portAnswers(port), 15_000);
  ok(`local SMTP sink on 127.0.0.1:${port}: alarm email lands in ${mailDir}`);
  return {
    env: { ...env, NOTIFY_SMTP_URL: `smtp://127.0.0.1:${port}` },
    mail: `${mailDir}/ (local SMTP sink on 127.0.0.1:${port}; set NOTIFY_SMTP_URL to send for real)`,
  };
}
