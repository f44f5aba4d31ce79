import type { WebSocket } from 'ws';

/** A dispatch as sent: op 0 with its sequence number. */
export interface DispatchPayload {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

/**
 * One gateway session. It outlives its WebSocket: events dispatched while the client is
 * disconnected are numbered and buffered, and RESUME replays everything after the client's last
 * sequence — so a dropped connection loses no event, as on Discord.
 *
 * @example
 * const session = new GatewaySession('abc', intents, [0, 1], 1000);
 * session.push('MESSAGE_CREATE', message);
 */
export class GatewaySession {
  seq = 0;
  socket: WebSocket | null = null;
  disconnectedAt: number | null = null;
  private readonly buffer: DispatchPayload[] = [];

  constructor(
    readonly id: string,
    readonly intents: number,
    readonly shard: [number, number],
    private readonly bufferSize: number,
  ) {}

  /** Numbers, buffers and (when connected) sends a dispatch. */
  push(t: string, d: unknown): DispatchPayload {
    this.seq += 1;
    const payload: DispatchPayload = { op: 0, t, s: this.seq, d };
    this.buffer.push(payload);
    if (this.buffer.length > this.bufferSize) this.buffer.shift();
    this.send(payload);
    return payload;
  }

  /** Sends any payload on the live socket, if there is one. */
  send(payload: unknown): void {
    if (this.socket && this.socket.readyState === this.socket.OPEN)
      this.socket.send(JSON.stringify(payload));
  }

  /**
   * The dispatches after `seq`, or null when the buffer no longer reaches back that far (or the
   * client claims a sequence we never sent) and the session cannot be resumed.
   */
  after(seq: number): DispatchPayload[] | null {
    if (seq > this.seq || seq < 0) return null;
    const first = this.buffer[0];
    if (seq < this.seq && (!first || first.s > seq + 1)) return null;
    return this.buffer.filter((p) => p.s > seq);
  }

  attach(socket: WebSocket): void {
    this.socket = socket;
    this.disconnectedAt = null;
  }

  detach(): void {
    this.socket = null;
    this.disconnectedAt = Date.now();
  }
}
