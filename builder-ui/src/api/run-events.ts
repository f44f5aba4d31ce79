/**
 * Following a run as it goes: `GET …/runs/:runId/events` (server-sent events). Read with
 * `fetch`, not `EventSource`, which cannot send the bearer token; `eventsource-parser` reads the
 * stream's format.
 */
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { storedToken } from './client.js';
import type { components } from './openapi.js';

type Schemas = components['schemas'];

/** What the stream says, in order: the run, each change of its steps, its end. */
export type RunEvent =
  | { type: 'run'; data: Schemas['RunDetail'] }
  | { type: 'step'; data: Schemas['RunStepEvent'] }
  | { type: 'end'; data: Schemas['RunEndEvent'] };

/**
 * Calls `onEvent` for each event of a run's stream until it ends (resolves) or `signal` aborts;
 * rejects when the stream cannot be opened or breaks off (the caller falls back to reading).
 */
export async function followRun(
  guildId: string,
  runId: string,
  onEvent: (event: RunEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const token = storedToken();
  const response = await fetch(`/api/guilds/${guildId}/runs/${runId}/events`, {
    headers: {
      Accept: 'text/event-stream',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    signal,
  });
  if (!response.ok || !response.body)
    throw new Error(`The run's events could not be followed (${response.status}).`);
  const events = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { done, value } = await events.read();
    if (done) return;
    if (value.event === 'run' || value.event === 'step' || value.event === 'end') {
      const event = { type: value.event, data: JSON.parse(value.data) as unknown } as RunEvent;
      onEvent(event);
      if (event.type === 'end') return;
    } else if (value.event === 'error') throw new Error(value.data);
  }
}
