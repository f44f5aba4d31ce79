import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts small secrets (webhook secrets) at rest with AES-256-GCM. The key is derived with
 * HKDF from the service's secret key (`GUILDFLOW_SECRET_KEY`, else the admin token), so the
 * database alone never reveals a secret.
 *
 * @example
 * const box = secretBox(process.env.GUILDFLOW_SECRET_KEY ?? adminToken);
 * const sealed = box.seal('s3cret');
 * box.open(sealed); // 's3cret'
 */
export function secretBox(masterKey: string): {
  seal(plain: string): string;
  open(sealed: string): string;
} {
  if (!masterKey) throw new Error('secretBox needs a non-empty master key.');
  const key = Buffer.from(hkdfSync('sha256', masterKey, 'guildflow', 'webhook-secrets v1', 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        'v1',
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined)
        throw new Error('Not a sealed secret.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/**
 * SHA-256 of a secret or token, hex: what is stored to recognise it without keeping it.
 *
 * @example
 * sha256Hex('token'); // '3c469e9d…'
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
