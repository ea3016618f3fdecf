import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// AES-256-GCM with a key derived from the server secret; each ciphertext is bound to what it belongs to (associated
// data: an agent, a filing key), so a secret copied from one row to another does not decrypt there.
const version = 'v1';

const keyCache = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let key = keyCache.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'helpdesk', 'agent totp secret', 32));
    keyCache.set(secret, key);
  }
  return key;
}

export const sealSecret = (serverSecret: string, agentId: number, plain: string) => sealFor(serverSecret, `agent:${agentId}`, plain);
export const openSecret = (serverSecret: string, agentId: number, sealed: string) => openFor(serverSecret, `agent:${agentId}`, sealed);

export function sealFor(serverSecret: string, boundTo: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(serverSecret), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [version, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plain secret, or null when the box was sealed with another key or for something else, or was altered. */
export function openFor(serverSecret: string, boundTo: string, sealed: string): string | null {
  const [v, iv, body, tag] = sealed.split('.');
  if (v !== version || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(serverSecret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
