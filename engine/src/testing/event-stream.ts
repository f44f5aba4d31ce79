/** One server-sent event as a test client received it. */
export interface ReceivedEvent {
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON events
  data: any;
  receivedAt: number;
}

/** A test client of a `text/event-stream` route, reading it as a browser's EventSource would. */
export interface EventStreamClient {
  status: number;
  contentType: string;
  events: ReceivedEvent[];
  /** Comment lines (heartbeats) received. */
  comments: string[];
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  /** Waits for an event matching `match` (already received or coming). */
  next(
    match: (event: ReceivedEvent) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<ReceivedEvent>;
  /** The client leaves (aborts the request). */
  close(): void;
}

/**
 * Opens an event stream with the admin token and parses its events as they come.
 *
 * @example
 * const stream = await openEventStream(service.url, service.adminToken, `/api/guilds/1/runs/${runId}/events`);
 * await stream.next((e) => e.type === 'end', 'the end');
 */
export async function openEventStream(
  base: string,
  token: string,
  path: string,
): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(`${base}${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const events: ReceivedEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('event: ')) type = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0)
            events.push({ type, data: JSON.parse(data.join('\n')), receivedAt: Date.now() });
          wake();
        }
      }
    } catch {
      // aborted by close()
    } finally {
      wake();
    }
  })();
  let done = false;
  void ended.then(() => {
    done = true;
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    events,
    comments,
    ended,
    async next(match, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (done)
          throw new Error(
            `the stream ended without ${what}: ${JSON.stringify(events.map((e) => e.type))}`,
          );
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise<void>((resolve) => {
          const wakeUp = () => {
            waiters.delete(wakeUp);
            resolve();
          };
          waiters.add(wakeUp);
          setTimeout(wakeUp, 200);
        });
      }
    },
    close() {
      abort.abort();
    },
  };
}
