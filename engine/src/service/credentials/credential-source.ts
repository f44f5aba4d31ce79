import { ApplicationFailure } from '@temporalio/common';
import type { Connection } from 'mongoose';
import { ERROR_TYPES } from '../../core/index.js';
import { log, messageOf } from '../log.js';
import { openStore, secretBox, type CredentialRecord } from '../storage/index.js';
import { openCredential } from './credential-store.js';
import { isCredentialName, type CredentialValue } from './schemas.js';

/** A guild credential opened for an executor: what it sends, by type. */
export type ResolvedCredential =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'header'; header: string; value: string }
  | { type: 'stripe'; secretKey: string; webhookSecret: string };

/**
 * Where executors get a guild's credential by name. A plain structural interface: connectors
 * declare the same shape on their side (the engine never imports them, nor they this).
 */
export interface CredentialSource {
  /** The guild's credential of that name, opened; undefined when the guild has none by it. */
  resolve(guildId: string, name: string): Promise<ResolvedCredential | undefined>;
}

/** Options of `credentialSource`; tests move the clock. */
export interface CredentialSourceOptions {
  now?: () => number;
  /** `lastUsedAt` is written at most this often per credential (default one minute). */
  touchEveryMs?: number;
}

/**
 * The credentials of every guild on the store, opened with the service's secret key
 * (`GUILDFLOW_SECRET_KEY`, which the worker receives for this). Resolving one marks it used:
 * `lastUsedAt` is written at most once per `touchEveryMs` — no write when the document just read
 * has a recent mark, and the write is conditional on the stored mark, so racing workers write
 * it once.
 * A credential the key cannot open fails non-retryably, naming it but never showing its value.
 *
 * @example
 * const credentials = credentialSource(mongo, settings.secretKey);
 * await credentials.resolve(guildId, 'crm'); // { type: 'bearer', token: '…' }
 */
export function credentialSource(
  mongo: Connection,
  secretKey: string,
  options: CredentialSourceOptions = {},
): CredentialSource {
  const box = secretBox(secretKey);
  const now = options.now ?? Date.now;
  const every = options.touchEveryMs ?? 60_000;

  const touch = async (record: CredentialRecord) => {
    const at = now();
    // The document was just read: no write while its own mark is recent.
    if (record.lastUsedAt && at - record.lastUsedAt.getTime() < every) return;
    const store = await openStore(mongo);
    await store.credentials
      .updateOne(
        {
          _id: record._id,
          $or: [{ lastUsedAt: null }, { lastUsedAt: { $lte: new Date(at - every) } }],
        },
        { $set: { lastUsedAt: new Date(at) } },
      )
      // Marking it used is bookkeeping: the run goes on without it.
      .catch((error: unknown) =>
        log('warn', 'credential.touch_failed', {
          guildId: record.guildId,
          name: record.name,
          error: messageOf(error),
        }),
      );
  };

  return {
    async resolve(guildId, name) {
      if (!isCredentialName(name)) return undefined;
      const store = await openStore(mongo);
      const record = await store.credentials.findOne({ guildId, name }).lean<CredentialRecord>();
      if (!record) return undefined;
      let value: CredentialValue;
      try {
        value = openCredential(box, record);
      } catch {
        throw ApplicationFailure.create({
          type: ERROR_TYPES.notConfigured,
          nonRetryable: true,
          message: `Credential "${name}" of this guild cannot be opened with this worker's GUILDFLOW_SECRET_KEY (the key changed since it was stored, or differs from the engine's). Delete the credential and add it again.`,
        });
      }
      await touch(record);
      return resolved(record.type, value);
    },
  };
}

/**
 * A source for a worker that cannot open credentials (no store, or no secret key): every
 * resolve fails non-retryably saying what to set.
 *
 * @example
 * credentialsUnavailable('GUILDFLOW_SECRET_KEY is not set for the worker');
 */
export function credentialsUnavailable(why: string): CredentialSource {
  return {
    resolve: (_guildId, name) =>
      Promise.reject(
        ApplicationFailure.create({
          type: ERROR_TYPES.notConfigured,
          nonRetryable: true,
          message: `Credential "${name}" cannot be read: ${why}. Start Guildflow with \`npm start\`, or set it.`,
        }),
      ),
  };
}

function resolved(type: CredentialRecord['type'], value: CredentialValue): ResolvedCredential {
  switch (type) {
    case 'bearer':
      return { type, token: value as CredentialValue<'bearer'> };
    case 'basic': {
      const { username, password } = value as CredentialValue<'basic'>;
      return { type, username, password };
    }
    case 'header': {
      const header = value as CredentialValue<'header'>;
      return { type, header: header.header, value: header.value };
    }
    case 'stripe': {
      const { secretKey, webhookSecret } = value as CredentialValue<'stripe'>;
      return { type, secretKey, webhookSecret };
    }
  }
}
