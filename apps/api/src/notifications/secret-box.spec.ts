import { describe, expect, it } from 'vitest';
import { newWebhookSecret, SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = new SecretBox('k'.repeat(40));
    const secret = newWebhookSecret();
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open(sealed)).toBe(secret);
    expect(box.seal(secret)).not.toBe(sealed);
  });

  it('refuses another key and a tampered ciphertext', () => {
    const sealed = new SecretBox('a'.repeat(40)).seal('whsec_x');
    expect(() => new SecretBox('b'.repeat(40)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('whsec_y').toString('base64url');
    expect(() => new SecretBox('a'.repeat(40)).open(parts.join('.'))).toThrow();
    expect(() => new SecretBox('a'.repeat(40)).open('plain')).toThrow('not a sealed secret');
  });
});
