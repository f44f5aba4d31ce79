/**
 * The executor of `http.request`: builds the request from the rendered config, applies the
 * named credential, sends it through the guarded dispatcher and turns the answer into the
 * node's output `{ status, headers, body }` — or a typed failure (`errors.ts`).
 */
import { ApplicationFailure } from '@temporalio/activity';
import {
  ERROR_TYPES,
  HTTP_MAX_REDIRECTS,
  HTTP_RESPONSE_LIMIT_BYTES,
  parseDuration,
} from '@guildflow/engine/core';
import { defineExecutor } from '@guildflow/engine/service';
import type { Dispatcher } from 'undici';
import { credentialHeaders, redactSecrets, type CredentialSource } from './credentials.js';
import { answerFailure, sendFailure, shownUrl } from './errors.js';
import { send } from './request.js';

/** What the executor needs: the guarded dispatcher and where credentials come from. */
export interface HttpExecutorDeps {
  dispatcher: Dispatcher;
  credentials: CredentialSource;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export const httpRequest = defineExecutor(
  'http.request',
  async ({ config, context }, deps: HttpExecutorDeps) => {
    const method = config.method ?? 'GET';
    const url = URL.canParse(config.url) ? new URL(config.url) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw ApplicationFailure.create({
        type: ERROR_TYPES.invalidConfig,
        message: `The URL "${config.url.slice(0, 200)}" is not an http(s) URL; check the url field and the values its expressions use.`,
        nonRetryable: true,
      });
    }
    for (const [name, value] of Object.entries(config.query ?? {}))
      url.searchParams.append(name, value);
    const headers = Object.fromEntries(
      Object.entries(config.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const body = encodeBody(config.body, headers);

    let applied = { headers: {} as Record<string, string>, secrets: [] as string[] };
    if (config.credential !== undefined) {
      const credential = await deps.credentials.resolve(context.guildId, config.credential);
      if (!credential) {
        throw ApplicationFailure.create({
          type: ERROR_TYPES.invalidConfig,
          message: `No credential named "${config.credential}" in this server. Add it with POST /api/guilds/${context.guildId}/credentials (docs/credentials.md), or fix the node's credential name.`,
          nonRetryable: true,
        });
      }
      if (credential.type === 'stripe') {
        throw ApplicationFailure.create({
          type: ERROR_TYPES.invalidConfig,
          message: `The credential "${config.credential}" holds a Stripe account's keys, which HTTP requests do not send. Choose a bearer, basic or header credential.`,
          nonRetryable: true,
        });
      }
      applied = credentialHeaders(credential);
    }
    const shown = `${method} ${shownUrl(url)}`;
    const timeoutMs =
      config.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseDuration(config.timeout);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const answer = await send(deps.dispatcher, {
        method,
        url,
        headers,
        ...(body === undefined ? {} : { body }),
        credentialHeaders: applied.headers,
        followRedirects: config.followRedirects ?? true,
        maxRedirects: HTTP_MAX_REDIRECTS,
        maxBodyBytes: HTTP_RESPONSE_LIMIT_BYTES,
        signal: controller.signal,
      });
      const redirected =
        answer.url.href === url.href
          ? shown
          : `${shown} (→ ${answer.method} ${shownUrl(answer.url)})`;
      if (answer.status >= 400) {
        throw redactMessage(
          answerFailure(answer.status, answer.headers, redirected, answer.text),
          applied.secrets,
        );
      }
      const parsed =
        config.responseType === 'text' ? answer.text : parseJson(answer.text, answer.headers);
      return redactSecrets(
        { status: answer.status, headers: answer.headers, body: parsed },
        applied.secrets,
      );
    } catch (error) {
      if (error instanceof ApplicationFailure) throw error;
      throw redactMessage(
        sendFailure(error, shown, timedOut ? timeoutMs : undefined),
        applied.secrets,
      );
    } finally {
      clearTimeout(timer);
    }
  },
);

/** The request body as sent: a string as text, anything else as JSON (setting content-type). */
function encodeBody(body: unknown, headers: Record<string, string>): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return body;
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

/** JSON when the answer says it is JSON and parses; otherwise the text as it came. */
function parseJson(text: string, headers: Record<string, string>): unknown {
  const type = headers['content-type'] ?? '';
  if (text.trim() === '' || !/^[\w.-]+\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(type)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A failure whose message quotes the answer, with any secret masked. */
function redactMessage(
  failure: ApplicationFailure,
  secrets: readonly string[],
): ApplicationFailure {
  if (secrets.length === 0) return failure;
  return ApplicationFailure.create({
    type: failure.type ?? ERROR_TYPES.error,
    message: redactSecrets(failure.message, secrets),
    nonRetryable: failure.nonRetryable === true,
    ...(failure.nextRetryDelay == null ? {} : { nextRetryDelay: failure.nextRetryDelay }),
  });
}
