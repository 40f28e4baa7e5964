import { describe, expect, it } from 'vitest';
import { ALARM_HANDLERS, ORG_ADMINS, READERS, SITE_MANAGERS } from '../access/roles.js';
import { apiKeyAllows } from './api-key-access.js';
import { newApiKey, parseApiKey } from './api-key-format.js';

const get = (path: string) => ({ method: 'GET', path });
const post = (path: string) => ({ method: 'POST', path });

describe('apiKeyAllows', () => {
  it('lets a read key GET what support may read, nothing else', () => {
    expect(apiKeyAllows(['read'], get('/api/sites'), READERS)).toBe(true);
    expect(apiKeyAllows(['read'], post('/api/alarms/x/acknowledge'), ALARM_HANDLERS)).toBe(false);
    expect(apiKeyAllows(['read'], get('/api/members'), ORG_ADMINS)).toBe(false);
  });

  it('lets an alarms key handle alarms but not configure the organisation', () => {
    expect(apiKeyAllows(['read', 'alarms'], post('/api/alarms/x/acknowledge'), ALARM_HANDLERS)).toBe(true);
    expect(apiKeyAllows(['read', 'alarms'], post('/api/channels'), SITE_MANAGERS)).toBe(false);
  });

  it('never reaches the person routes under /api/me', () => {
    expect(apiKeyAllows(['read'], get('/api/me'), READERS)).toBe(false);
    expect(apiKeyAllows(['read'], get('/api/me/notification-preferences'), READERS)).toBe(false);
    expect(apiKeyAllows(['read'], get('/api/metrics'), READERS)).toBe(true);
  });
});

describe('api key format', () => {
  it('parses its own keys back to the id and the stored hash, and nothing else', () => {
    const made = newApiKey();
    expect(parseApiKey(made.key)).toEqual({ id: made.id, secretHash: made.secretHash });
    expect(parseApiKey(`${made.key}0`)).toBeNull();
    expect(parseApiKey('fk_nope')).toBeNull();
    expect(made.key).not.toContain(made.secretHash);
  });
});
