/**
 * The trigger router's cost per gateway event with 10,000 guilds × 5 published graphs: events
 * that match nothing (the vast majority on a real bot) and events that match one graph. It times
 * what the gateway does in memory before any I/O: `index.match(event)` plus the check whether
 * the event could concern a waiting run. Starting the run (a Temporal call) is measured by the
 * end-to-end benchmark.
 */
import { median } from '../lib/stats.js';
import { defineBenchmark, isSkipped } from '../lib/types.js';
import { TriggerIndex, TriggerRouter } from '@guildflow/discord';
import { userRef, type RouterEvent } from '@guildflow/engine/core';

const GUILDS = 10_000;
const GRAPHS_PER_GUILD = 5;
const EVENTS = 100_000;
const ROUNDS = 7;
const CALLS_PER_ROUND = 2_000_000;

/** Result of {@link runRouterBench}. */
export interface RouterBench {
  guilds: number;
  graphs: number;
  missNsPerEvent: number;
  matchNsPerEvent: number;
  samples: { missNs: number[]; matchNs: number[] };
}

/** Builds the index and times miss and match events (median of several rounds). */
export function runRouterBench(): RouterBench {
  const index = new TriggerIndex();
  const at = new Date('2026-11-01T00:00:00Z');
  const kinds: [string, Record<string, unknown>][] = [
    ['trigger.memberJoined', {}],
    ['trigger.messageCreated', { channelId: 'c1', contains: 'suggestion' }],
    ['trigger.slashCommand', { name: 'warn', description: 'Warn' }],
    ['trigger.buttonClicked', { customIdPrefix: 'ticket:' }],
    ['trigger.reactionAdded', { emoji: '⭐' }],
  ];
  for (let g = 0; g < GUILDS; g++)
    for (let k = 0; k < GRAPHS_PER_GUILD; k++) {
      const [triggerType, config] = kinds[k % kinds.length]!;
      index.apply({
        _id: `g_${g}_${k}`,
        guildId: `guild${g}`,
        triggerType,
        version: 1,
        configJson: JSON.stringify(config),
        replyEphemeral: false,
        previousType: null,
        active: true,
        updatedAt: at,
        revision: 1,
      });
    }
  const user = { ...userRef('1300000000000000303', 'carol'), roles: [] };
  const member = {
    ...user,
    avatarUrl: 'https://cdn.discordapp.com/embed/avatars/0.png',
    pending: false,
  };
  const message = (guildId: string, content: string, channelId: string): RouterEvent => ({
    kind: 'messageCreated',
    eventId: 'm',
    guildId,
    message: { id: 'm', channelId, content },
    author: { ...user, bot: false },
  });
  const miss: RouterEvent[] = [];
  const match: RouterEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const guild = `guild${i % GUILDS}`;
    // Misses: chatter in a guild whose message graph filters it out, in a channel it does not
    // watch, a leave nobody listens to, and any event of a guild with no graphs.
    const variant = i % 4;
    miss.push(
      variant === 0
        ? message(guild, 'just chatting about the game tonight', 'c1')
        : variant === 1
          ? message(guild, 'a suggestion, but elsewhere', 'c2')
          : variant === 2
            ? {
                kind: 'memberLeft',
                eventId: 'l',
                guildId: guild,
                member,
                guild: { id: guild, name: 'G', memberCount: 10 },
              }
            : message(`other${i}`, 'hello', 'c1'),
    );
    match.push(
      i % 2 === 0
        ? {
            kind: 'memberJoined',
            eventId: 'j',
            guildId: guild,
            member,
            guild: { id: guild, name: 'G', memberCount: 10 },
          }
        : message(guild, 'I have a Suggestion for the server', 'c1'),
    );
  }
  const time = (events: RouterEvent[], expectMatches: boolean): number => {
    let sink = 0;
    const started = process.hrtime.bigint();
    for (let i = 0; i < CALLS_PER_ROUND; i++) {
      const event = events[i % EVENTS]!;
      const matches = index.match(event);
      if (matches.length > 0 || TriggerRouter.reachesWaits(event)) sink++;
    }
    const ns = Number(process.hrtime.bigint() - started) / CALLS_PER_ROUND;
    if (sink > 0 !== expectMatches) throw new Error('router bench: unexpected match result');
    return ns;
  };
  time(miss, false); // warm up the JIT
  time(match, true);
  const missNs: number[] = [];
  const matchNs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    missNs.push(time(miss, false));
    matchNs.push(time(match, true));
  }
  return {
    guilds: GUILDS,
    graphs: index.size,
    missNsPerEvent: median(missNs),
    matchNsPerEvent: median(matchNs),
    samples: { missNs, matchNs },
  };
}

/** `router` in results.json. */
export const routerBenchmark = defineBenchmark<RouterBench>({
  key: 'router',
  what: 'trigger-router cost per gateway event, 10,000 guilds × 5 published graphs, events that match nothing vs. that match',
  goal: 'miss ≤ 2,000 ns',
  needsStack: false,
  run: async ({ progress }) => {
    progress.update('indexing 50,000 graphs and routing 2 M events per round');
    return runRouterBench();
  },
  result: (r) =>
    `miss ${Math.round(r.missNsPerEvent)} ns, match ${Math.round(r.matchNsPerEvent)} ns`,
  met: (r) => r.missNsPerEvent <= 2000,
  explain: (r) =>
    isSkipped(r)
      ? `**router** — skipped: ${r.skipped}.`
      : `**router** — what the gateway does in memory for each event before any I/O: \`TriggerIndex.match\` (guild → event kind → compiled filters) and the check whether the event could answer a waiting run, over ${r.graphs.toLocaleString('en-US')} published graphs in ${r.guilds.toLocaleString('en-US')} guilds. Misses are chatter a message graph filters out (wrong text, wrong channel), leaves nobody listens to, and events of guilds without graphs; they never touch the store. Matches build the trigger payload too; starting the run is a Temporal call, measured by **e2e**. Median of ${r.samples.missNs.length} rounds of 2 M events (raw rounds in results.json). Button clicks, reactions and replies additionally do one indexed store read for waits and collect windows, which is not in this figure.`,
});
