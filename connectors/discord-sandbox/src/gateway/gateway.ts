import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { SandboxState } from '../state.js';
import type { DispatchScope, Dispatcher } from '../types.js';
import { Intents, MAX_INTENTS } from './intents.js';
import { guildCreatePayload, readyPayload } from './payloads.js';
import { memberChunks, redact, sees } from './routing.js';
import { GatewaySession } from './session.js';

/** Gateway opcodes (Discord's values). */
const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** How long a disconnected session can still be resumed. */
  resumeWindowMs: number;
  /** Dispatches kept per session for RESUME. */
  bufferSize: number;
  /** `ws://host:port/gateway`, known once the HTTP server listens. */
  url: () => string;
}

/**
 * How to drop connections: `terminate` kills the TCP socket (the client sees 1006 and resumes),
 * `close` sends a close frame with `code`, `reconnect` sends op 7, `invalidate` sends op 9
 * (not resumable) and forgets the session.
 */
export interface DropOptions {
  mode?: 'terminate' | 'close' | 'reconnect' | 'invalidate';
  code?: number;
}

interface Connection {
  socket: WebSocket;
  session: GatewaySession | null;
}

/**
 * Discord Gateway v10 (JSON encoding): HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats,
 * RESUME with replay, INVALID_SESSION, REQUEST_GUILD_MEMBERS, and intent-filtered dispatches.
 * Compression is never applied: discord.js only asks for zlib-stream when `zlib-sync` is
 * installed, and it parses uncompressed text frames either way.
 *
 * @example
 * const gateway = new Gateway(state, options);
 * server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
 */
export class Gateway implements Dispatcher {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly connections = new Set<Connection>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly state: SandboxState,
    private readonly options: GatewayOptions,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 10_000).unref();
  }

  /** Takes over an HTTP upgrade for `/gateway…`; returns false for other paths. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    if (!url.pathname.startsWith('/gateway')) return false;
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, url.searchParams));
    return true;
  }

  dispatch(event: string, data: Record<string, unknown>, scope: DispatchScope): void {
    for (const session of this.sessions.values()) {
      if (scope.intent !== null && !(session.intents & scope.intent)) continue;
      if (scope.guildId && !sees(session, scope.guildId)) continue;
      if (!scope.guildId && session.shard[0] !== 0) continue;
      session.push(event, redact(session, data, scope, this.state.botUserId));
    }
  }

  /** Drops every live connection; returns how many. */
  drop(options: DropOptions = {}): number {
    const mode = options.mode ?? 'terminate';
    let dropped = 0;
    for (const connection of [...this.connections]) {
      dropped += 1;
      if (mode === 'terminate') connection.socket.terminate();
      else if (mode === 'close')
        connection.socket.close(options.code ?? 4000, 'Sandbox closed the connection');
      else if (mode === 'reconnect')
        send(connection.socket, { op: Op.Reconnect, d: null, s: null, t: null });
      else {
        if (connection.session) this.sessions.delete(connection.session.id);
        connection.session = null;
        send(connection.socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      }
    }
    return dropped;
  }

  /** Sessions for the control API. */
  describe(): Array<{
    id: string;
    seq: number;
    intents: number;
    connected: boolean;
    shard: [number, number];
  }> {
    return [...this.sessions.values()].map((s) => ({
      id: s.id,
      seq: s.seq,
      intents: s.intents,
      connected: s.socket !== null && s.socket.readyState === s.socket.OPEN,
      shard: s.shard,
    }));
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    this.sessions.clear();
    this.wss.close();
  }

  private accept(socket: WebSocket, params: URLSearchParams): void {
    const connection: Connection = { socket, session: null };
    this.connections.add(connection);
    socket.on('close', (code) => this.onClose(connection, code));
    socket.on('error', () => socket.terminate());
    const version = params.get('v');
    if (version && version !== '10' && version !== '9') {
      socket.close(4012, 'Invalid API version.');
      return;
    }
    if ((params.get('encoding') ?? 'json') !== 'json') {
      socket.close(4002, 'Only JSON encoding is supported by the sandbox.');
      return;
    }
    socket.on('message', (data, isBinary) => this.onMessage(connection, data, isBinary));
    send(socket, {
      op: Op.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  private onClose(connection: Connection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (!session || session.socket !== connection.socket) return;
    session.detach();
    // A clean close (1000/1001) ends the session on Discord; any other code leaves it resumable.
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
  }

  private onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse(rawText(data)) as { op?: unknown; d?: unknown };
    } catch {
      connection.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case Op.Heartbeat:
        send(connection.socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        this.identify(connection, d);
        return;
      case Op.Resume:
        this.resume(connection, d);
        return;
      default:
        break;
    }
    if (!connection.session) {
      connection.socket.close(4003, 'Not authenticated.');
      return;
    }
    const session = connection.session;
    if (payload.op === Op.RequestGuildMembers) {
      for (const chunk of memberChunks(this.state, session, d))
        session.push('GUILD_MEMBERS_CHUNK', chunk);
    } else if (payload.op !== Op.PresenceUpdate && payload.op !== Op.VoiceStateUpdate) {
      connection.socket.close(4001, 'Unknown opcode.');
    }
  }

  private identify(connection: Connection, d: Record<string, unknown>): void {
    const { socket } = connection;
    if (connection.session) return void socket.close(4005, 'Already authenticated.');
    if (!this.tokenOk(d.token)) return void socket.close(4004, 'Authentication failed.');
    const intents = d.intents;
    if (
      typeof intents !== 'number' ||
      !Number.isInteger(intents) ||
      intents < 0 ||
      intents > MAX_INTENTS
    ) {
      return void socket.close(4013, 'Invalid intent(s).');
    }
    const shard = Array.isArray(d.shard) ? d.shard : [0, 1];
    const [shardId, shardCount] = shard as [unknown, unknown];
    if (
      typeof shardId !== 'number' ||
      typeof shardCount !== 'number' ||
      shardCount < 1 ||
      shardId < 0 ||
      shardId >= shardCount
    ) {
      return void socket.close(4010, 'Invalid shard.');
    }
    const session = new GatewaySession(
      randomBytes(16).toString('hex'),
      intents,
      [shardId, shardCount],
      this.options.bufferSize,
    );
    this.sessions.set(session.id, session);
    connection.session = session;
    session.attach(socket);
    const guilds = [...this.state.guilds.values()].filter((g) => sees(session, g.id));
    session.push(
      'READY',
      readyPayload(this.state, {
        sessionId: session.id,
        resumeUrl: this.options.url(),
        shard: session.shard,
        guilds,
      }),
    );
    if (intents & Intents.Guilds) {
      for (const guild of guilds)
        session.push('GUILD_CREATE', guildCreatePayload(this.state, guild, intents));
    }
  }

  private resume(connection: Connection, d: Record<string, unknown>): void {
    const { socket } = connection;
    if (!this.tokenOk(d.token)) return void socket.close(4004, 'Authentication failed.');
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    const replay = session && typeof d.seq === 'number' ? session.after(d.seq) : null;
    if (!session || !replay) {
      if (session) this.sessions.delete(session.id);
      send(socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    // A session lives on one connection: a resume elsewhere takes it over.
    const previous = [...this.connections].find((c) => c !== connection && c.session === session);
    if (previous) {
      previous.session = null;
      previous.socket.terminate();
    }
    connection.session = session;
    session.attach(socket);
    for (const payload of replay) session.send(payload);
    session.push('RESUMED', { _trace: ['["guildflow-sandbox",{"micros":0}]'] });
  }

  private tokenOk(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot\s+/i, '') === this.options.token;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) {
      if (
        session.disconnectedAt !== null &&
        now - session.disconnectedAt > this.options.resumeWindowMs
      )
        this.sessions.delete(id);
    }
  }
}

function send(socket: WebSocket, payload: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
