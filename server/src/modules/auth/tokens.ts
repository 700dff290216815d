import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: a session id or the secret part of an API token. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored: a leaked table gives no usable session or token. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
