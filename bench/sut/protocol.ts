/**
 * The child side of bench/lib/child.ts: read the config, announce readiness, answer requests,
 * and exit when the bench process goes away (so a crashed bench leaves no worker behind).
 */

/** A request handler of a system under test. */
export type SutHandlers = Record<string, (args: unknown) => unknown>;

/** The JSON config the bench handed to this child. */
export function sutConfig<T>(): T {
  const raw = process.env.BENCH_SUT_CONFIG;
  if (!raw)
    throw new Error('BENCH_SUT_CONFIG is not set: this process is started by npm run bench.');
  return JSON.parse(raw) as T;
}

/**
 * Answers the bench's requests with `handlers` (`stop` must exit the process) after sending
 * `ready` with `info`.
 */
export function serveBench(info: unknown, handlers: SutHandlers): void {
  if (!process.send) throw new Error('no IPC channel: this process is started by npm run bench.');
  process.on('message', (message: { type?: string; id: number; op: string; args: unknown }) => {
    if (message.type !== 'request') return;
    const handler = handlers[message.op];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request ${message.op}`);
        return handler(message.args);
      })
      .then(
        (result) => process.send?.({ type: 'reply', id: message.id, result }),
        (error: unknown) =>
          process.send?.({
            type: 'reply',
            id: message.id,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', info });
}

/** Reports a start-up failure to the bench and exits. */
export function failStartup(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${text}\n`);
  const message = { type: 'fatal', error: error instanceof Error ? error.message : String(error) };
  // Exit once the message is out (process.send is asynchronous).
  if (process.send) process.send(message, () => process.exit(1));
  else process.exit(1);
  setTimeout(() => process.exit(1), 2000).unref();
}
