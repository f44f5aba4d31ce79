const tails = new Map<string, Promise<void>>();

/**
 * Runs `fn` after every earlier `withKeyLock` call on the same key in this process has
 * finished. Why: the embedded store (FerretDB 1.x) applies updates as read-then-write, so two
 * concurrent updates of one document — even conditional ones, even `$inc` — can both "win" and
 * lose one of the changes. Serialising the writers of a document inside the process makes the
 * conditional updates and increments exact there; on MongoDB those operations are atomic
 * across processes anyway (scaling out to several services or workers needs MongoDB).
 */
export async function withKeyLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release: () => void = () => {};
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
