import { expect } from 'vitest';
import type { TestService } from './service-harness.js';

/** A sign-in started at `/auth/discord`. */
export interface SignInFlow {
  /** The state cookie as the browser sends it back (`name=value`). */
  cookie: string;
  setCookie: string;
  /** The sandbox consent URL the service sent the browser to. */
  authorize: URL;
}

/** Starts signing in on `service`, as a browser following `/auth/discord`. */
export async function startFlow(service: TestService): Promise<SignInFlow> {
  const answer = await fetch(`${service.url}/auth/discord`, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  const setCookie = answer.headers.getSetCookie()[0] ?? '';
  return {
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
    authorize: new URL(answer.headers.get('location') ?? ''),
  };
}

/** Approves (or denies) on the sandbox's consent page and returns the callback URL. */
export async function consent(
  flow: SignInFlow,
  decision: { as: string } | 'deny',
): Promise<string> {
  const url = new URL(flow.authorize);
  if (decision === 'deny') url.searchParams.set('sandbox_deny', '1');
  else url.searchParams.set('sandbox_user', decision.as);
  const answer = await fetch(url, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  return answer.headers.get('location') ?? '';
}

/** Follows Discord's redirect back to the service, with the state cookie (or none). */
export async function callback(url: string, cookie: string | null, accept = 'application/json') {
  const answer = await fetch(url, {
    redirect: 'manual',
    headers: { Accept: accept, ...(cookie === null ? {} : { Cookie: cookie }) },
  });
  const text = await answer.text();
  const json = (answer.headers.get('content-type') ?? '').includes('json')
    ? JSON.parse(text)
    : text;
  return { status: answer.status, headers: answer.headers, body: json };
}

/** The whole sign-in as a sandbox user; returns the session token from `/login#token=…`. */
export async function signIn(service: TestService, userId: string): Promise<string> {
  const flow = await startFlow(service);
  const done = await callback(await consent(flow, { as: userId }), flow.cookie);
  expect(done.status, JSON.stringify(done.body)).toBe(302);
  const match = /^\/login#token=([\w-]+)$/.exec(done.headers.get('location') ?? '');
  expect(match).not.toBeNull();
  return match?.[1] ?? '';
}
