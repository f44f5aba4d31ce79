import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { queryKeys, useSignInMethods } from '../api/queries.js';
import { Button, useToast } from '../ui/index.js';
import { browserEnv } from './browser-env.js';
import {
  checkSignIn,
  checkToken,
  signOut,
  tokenFromText,
  whoText,
  type SignInResult,
  type Who,
} from './sign-in.js';
import './auth.css';

/** What the page is showing. */
type View =
  { kind: 'checking' } | { kind: 'form'; problem?: string } | { kind: 'signed-in'; who: Who };

/**
 * `/login`: signs in from the printed link (`#token=…`, removed from the address bar at once)
 * or from a link pasted into the form, checked with the API before it is kept; offers "Sign
 * in with Discord" when the service has it; says who is signed in.
 */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const toast = useToast();
  const methods = useSignInMethods();
  const stateMessage = (location.state as { message?: string } | null)?.message;
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [view, setView] = useState<View>({ kind: 'checking' });
  const [link, setLink] = useState('');
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  const finish = (result: SignInResult) => {
    if (result.state === 'signed-in') {
      client.setQueryData(queryKeys.session, result.who);
      if (result.fromLink) {
        toast.success(whoText(result.who));
        void navigate(from, { replace: true });
        return;
      }
      setView({ kind: 'signed-in', who: result.who });
      return;
    }
    setView({
      kind: 'form',
      ...(result.state === 'signed-out' ? {} : { problem: result.message }),
    });
  };

  useEffect(() => {
    // Once per page: StrictMode runs effects twice, and the fragment is gone after the first.
    if (started.current) return;
    started.current = true;
    void checkSignIn(browserEnv()).then(finish);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, on arrival
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const token = tokenFromText(link);
    if (!token) {
      setView({
        kind: 'form',
        problem:
          'That is not a sign-in link: paste the whole link `npm start` printed (it ends with #token=…).',
      });
      return;
    }
    setBusy(true);
    const result = await checkToken(browserEnv(), token, true);
    setBusy(false);
    setLink('');
    finish(result);
  };

  const leave = async (who: Who) => {
    await signOut(browserEnv(), who);
    client.clear();
    setView({ kind: 'form' });
  };

  return (
    <main className="gf-login" id="main">
      <div className="gf-login-card">
        <h1>Guildflow</h1>
        <p className="gf-muted">Draw Discord automations; they run durably, node by node.</p>
        {view.kind === 'checking' ? (
          <p role="status">Checking your sign-in…</p>
        ) : view.kind === 'signed-in' ? (
          <>
            <p role="status">{whoText(view.who)}</p>
            <div className="gf-login-actions">
              <Link className="gf-button gf-button-primary" to="/">
                Open Guildflow
              </Link>
              <Button onClick={() => void leave(view.who)}>Sign out</Button>
            </div>
          </>
        ) : (
          <>
            {view.problem || stateMessage ? (
              <p className="gf-login-problem" role="alert">
                {view.problem ?? stateMessage}
              </p>
            ) : null}
            <form className="gf-login-form" onSubmit={(event) => void submit(event)}>
              <label htmlFor="gf-login-link">Sign-in link</label>
              <input
                id="gf-login-link"
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={link}
                onChange={(event) => setLink(event.target.value)}
                aria-describedby="gf-login-link-hint"
              />
              <p id="gf-login-link-hint" className="gf-field-hint">
                Paste the link <code>npm start</code> printed, or open it directly.{' '}
                <code>npm start -- --print-login</code> prints it again.
              </p>
              <Button type="submit" variant="primary" busy={busy}>
                Sign in
              </Button>
            </form>
            {methods.data?.discord ? (
              <div className="gf-login-discord">
                <span className="gf-muted">or</span>
                <a className="gf-button" href="/auth/discord">
                  Sign in with Discord
                </a>
              </div>
            ) : null}
          </>
        )}
      </div>
    </main>
  );
}
