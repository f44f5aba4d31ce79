import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** Seals small secrets at rest and opens them again (see `secretBox`). */
export interface SecretBox {
  /** Encrypts with the current key. */
  seal(plain: string): string;
  /** Decrypts with the current key, else with a legacy key; throws when none opens it. */
  open(sealed: string): string;
  /** Like `open`, and says whether a legacy key was needed (then seal it again). */
  unseal(sealed: string): { plain: string; legacy: boolean };
}

/**
 * Encrypts small secrets (webhook secrets) at rest with AES-256-GCM. The key is derived with
 * HKDF from the service's secret key (`GUILDFLOW_SECRET_KEY`), so the database alone never
 * reveals a secret. `legacyKeys` only open: installs from before the secret key was generated
 * sealed with the admin token, and those secrets keep working until they are sealed again.
 *
 * @example
 * const box = secretBox(settings.secretKey, [adminToken]);
 * const sealed = box.seal('s3cret');
 * box.open(sealed); // 's3cret'
 */
export function secretBox(masterKey: string, legacyKeys: readonly string[] = []): SecretBox {
  if (!masterKey) throw new Error('secretBox needs a non-empty master key.');
  const key = derive(masterKey);
  // A legacy key equal to the current one (an operator who set both alike) adds nothing.
  const legacy = legacyKeys.filter((k) => k && k !== masterKey).map(derive);
  const unseal = (sealed: string) => {
    const parts = parse(sealed);
    try {
      return { plain: decrypt(key, parts), legacy: false };
    } catch (error) {
      for (const old of legacy) {
        try {
          return { plain: decrypt(old, parts), legacy: true };
        } catch {
          // try the next legacy key
        }
      }
      throw error;
    }
  };
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
    open: (sealed) => unseal(sealed).plain,
    unseal,
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

function derive(masterKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, 'guildflow', 'webhook-secrets v1', 32));
}

interface Sealed {
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

function parse(sealed: string): Sealed {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined)
    throw new Error('Not a sealed secret.');
  return {
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    body: Buffer.from(body, 'base64url'),
  };
}

// GCM authenticates: the wrong key fails at final() instead of yielding garbage.
function decrypt(key: Buffer, { iv, tag, body }: Sealed): string {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
