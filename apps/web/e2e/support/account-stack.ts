// biome-ignore lint/style/noRestrictedImports: the e2e test seeds its own database through the shared factories
import type { PrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { waitFor } from '@fleet/test-kit';
import { type SinkMail, startSmtpSink } from './smtp-sink.js';
import { startWebStack } from './web-stack.js';

export interface Person {
  email: string;
  password: string;
}

/** The API and the web app on a fresh database, mailing account links into an SMTP sink. */
export interface AccountStack {
  webUrl: string;
  apiUrl: string;
  /** Org admin of the installer organisation; may invite. */
  admin: Person;
  /** A technician (turns TOTP on in its test) and an installer (resets its password). */
  technician: Person;
  installer: Person;
  siteId: string;
  /** The only string of the site, where an owner of just that site lands. */
  stringId: string;
  /** JSON call to the API; throws unless it answers 2xx. */
  api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T>;
  /** The API session token of a person with a password only (no TOTP). */
  login(who: Person): Promise<string>;
  /** Waits for the `nth` (0-based) mail to an address. */
  mailTo(address: string, nth?: number): Promise<SinkMail>;
  diagnostics(): string;
  stop(): Promise<void>;
}

async function seed(prisma: PrismaClient) {
  const tenant = await testing.createTenant(prisma, { name: 'Harbour Solar', kind: 'installer' });
  const person = async (role: 'org_admin' | 'technician' | 'installer') => {
    const user = await testing.createUser(prisma, { tenantId: tenant.id, role, name: `E2E ${role}` });
    return { email: user.email, password: user.password };
  };
  const site = await testing.createSite(prisma, { tenantId: tenant.id, name: 'Harbour Depot' });
  const gateway = await testing.createGateway(prisma, { siteId: site.id });
  const string = await testing.createBmsString(prisma, { gatewayId: gateway.id, name: 'String East' });
  return {
    admin: await person('org_admin'),
    technician: await person('technician'),
    installer: await person('installer'),
    siteId: site.id,
    stringId: string.id,
  };
}

function apiCaller(apiUrl: string) {
  return async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${apiUrl}/api${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** A fresh migrated database with one installer organisation; the built API and web app on free ports. */
export async function startAccountStack(root: string): Promise<AccountStack> {
  const stack = await startWebStack(root, {
    seed: (prisma) => seed(prisma),
    extras: async () => {
      const smtp = await startSmtpSink();
      return { smtp, stop: () => smtp.stop() };
    },
    apiEnv: ({ webUrl }, { smtp }) => ({
      NOTIFY_SMTP_URL: smtp.url,
      NOTIFY_MAIL_FROM: 'Fleet <accounts@fleet.test>',
      WEB_URL: webUrl,
    }),
  });
  const { smtp } = stack.extra;
  const api = apiCaller(stack.apiUrl);
  const mailTo = async (address: string, nth = 0) => {
    let found: SinkMail | undefined;
    await waitFor(
      `mail ${nth} to ${address}`,
      async () => {
        found = smtp.mails().filter((m) => m.to.includes(address))[nth];
        return found !== undefined;
      },
      30_000,
      stack.diagnostics,
    );
    return found as SinkMail;
  };
  const login = async (who: Person) =>
    (await api<{ token: string }>('POST', '/auth/login', { email: who.email, password: who.password })).token;
  return {
    ...stack.seed,
    webUrl: stack.webUrl,
    apiUrl: stack.apiUrl,
    api,
    login,
    mailTo,
    diagnostics: stack.diagnostics,
    stop: stack.stop,
  };
}
