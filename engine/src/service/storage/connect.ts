import mongoose, { type Connection } from 'mongoose';

/**
 * A mongoose connection that keeps trying until the store answers. Why: mongoose reconnects by
 * itself only after a first successful connection; a service or worker started while the store
 * is still down would otherwise stay disconnected forever (answering 503 / failing activities).
 * Retries back off from 1 s to 30 s; `onError` hears each failed attempt.
 */
export function connectStore(
  uri: string,
  onError: (error: Error) => void = () => {},
  options: { retryMs?: number } = {},
): Connection {
  const connection = mongoose.createConnection();
  connection.on('error', (error: Error) => onError(error));
  let stopped = false;
  connection.on('close', () => {
    stopped = true;
  });
  const attempt = (delay: number): void => {
    if (stopped) return;
    connection.openUri(uri, { serverSelectionTimeoutMS: 3000 }).catch((error: unknown) => {
      onError(error instanceof Error ? error : new Error(String(error)));
      if (stopped) return;
      setTimeout(() => attempt(Math.min(delay * 2, 30_000)), delay).unref();
    });
  };
  attempt(options.retryMs ?? 1000);
  return connection;
}
