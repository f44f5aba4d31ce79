/**
 * Sending one `http.request` attempt through undici: redirects are followed here, one hop at a
 * time (undici never follows them itself), so every hop opens its connection through the
 * guarded dispatcher; the answer is read up to the size cap.
 */
import { request, type Dispatcher } from 'undici';
import { RequestProblem, shownUrl } from './errors.js';

/** One attempt, ready to send. Header names are lowercase. */
export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Headers of the credential: sent to the request's origin only, dropped on a cross-origin redirect. */
  credentialHeaders: Record<string, string>;
  followRedirects: boolean;
  maxRedirects: number;
  maxBodyBytes: number;
  signal: AbortSignal;
}

/** The final answer: status, lowercase headers and the body as text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Where the answer came from (after redirects), and with which method. */
  url: URL;
  method: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Headers that carry authority: never sent on to another origin by a redirect. */
const AUTHORITY_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * Sends `outgoing` through `dispatcher`, following redirects when asked. Errors from the
 * connection (a refused destination, a timeout) propagate as thrown; {@link RequestProblem}
 * for an answer over the cap or too many redirects.
 */
export async function send(dispatcher: Dispatcher, outgoing: OutgoingRequest): Promise<RawAnswer> {
  let { method, url, body } = outgoing;
  let headers = { ...outgoing.headers };
  let credential = outgoing.credentialHeaders;
  for (let hop = 0; ; hop++) {
    const answer = await request(url, {
      dispatcher,
      method: method as Dispatcher.HttpMethod,
      headers: { ...headers, ...credential },
      body,
      signal: outgoing.signal,
      maxRedirections: 0,
    });
    const location = answer.headers.location;
    if (
      !outgoing.followRedirects ||
      !REDIRECTS.has(answer.statusCode) ||
      typeof location !== 'string'
    ) {
      const text = await readCapped(
        answer.body,
        answer.headers,
        outgoing.maxBodyBytes,
        method,
        url,
      );
      return { status: answer.statusCode, headers: flatHeaders(answer.headers), text, url, method };
    }
    await answer.body.dump();
    if (hop >= outgoing.maxRedirects) {
      throw new RequestProblem(
        'InvalidRequest',
        `${method} ${shownUrl(outgoing.url)} redirected more than ${outgoing.maxRedirects} times (last to ${location}). Call the final URL directly, or turn followRedirects off to see the 3xx answer.`,
      );
    }
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new RequestProblem(
        'InvalidRequest',
        `${method} ${shownUrl(url)} redirected to a ${next.protocol} URL; only http and https are followed.`,
      );
    }
    // As browsers do: 303 (and 301/302 after a POST) continue as a GET without the body.
    if (
      answer.statusCode === 303 ||
      ((answer.statusCode === 301 || answer.statusCode === 302) && method === 'POST')
    ) {
      if (method !== 'HEAD') method = 'GET';
      body = undefined;
      headers = omit(headers, ['content-type', 'content-length']);
    }
    if (next.origin !== url.origin) {
      credential = {};
      headers = omit(headers, AUTHORITY_HEADERS);
    }
    url = next;
  }
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  headers: Dispatcher.ResponseData['headers'],
  limit: number,
  method: string,
  url: URL,
): Promise<string> {
  const tooLarge = () =>
    new RequestProblem(
      'ResponseTooLarge',
      `${method} ${shownUrl(url)} answered more than ${limit} bytes, the most http.request reads. Ask the API for less (a filter, a page size) or call an endpoint that returns less.`,
    );
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Response headers as one string each (repeated headers joined with `, `). */
function flatHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function omit(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}
