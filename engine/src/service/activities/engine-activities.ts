import { ApplicationFailure } from '@temporalio/common';
import type { Connection } from 'mongoose';
import { ERROR_TYPES } from '../../core/index.js';
import type { CollectedEntries, EngineActivities } from '../../interpreter/contract.js';
import { snapshotOf, versionKey } from '../graphs/graph-store.js';
import {
  openStore,
  type CollectEntryRecord,
  type GraphRecord,
  type GraphVersionRecord,
} from '../storage/index.js';

/** Collect windows and their entries are kept this long after closing (for run inspection). */
export const COLLECT_RETENTION_MS = 7 * 86_400_000;

/**
 * The engine's own activities (`engine.*` in contract.ts) on the store: waits the trigger
 * router routes to runs, `flow.collect` windows and their entries, and the published snapshot
 * of a graph for `flow.runGraph`. Every write is idempotent (keyed by the workflow's ids), so
 * Temporal's retries never duplicate anything. A store outage throws a retryable error.
 */
export function createEngineActivities(mongo: Connection): EngineActivities {
  const store = () => openStore(mongo);
  return {
    async 'engine.registerWait'(wait) {
      const expiresAt = registeredDeadline(wait.expiresAt, wait.durationMs);
      await (
        await store()
      ).waits.updateOne(
        { _id: wait.waitId },
        {
          $set: {
            workflowId: wait.workflowId,
            guildId: wait.guildId,
            messageId: wait.messageId,
            event: wait.event,
            customId: wait.customId ?? null,
            userId: wait.userId ?? null,
            roleId: wait.roleId ?? null,
            expiresAt,
          },
        },
        { upsert: true },
      );
      return { expiresAt: expiresAt.toISOString() };
    },

    async 'engine.clearWait'({ waitId }) {
      await (await store()).waits.deleteOne({ _id: waitId });
    },

    async 'engine.openCollect'(window) {
      const closesAt = registeredDeadline(window.closesAt, window.durationMs);
      await (
        await store()
      ).collectWindows.updateOne(
        { _id: window.collectId },
        {
          $set: {
            workflowId: window.workflowId,
            guildId: window.guildId,
            messageId: window.messageId,
            customId: window.customId ?? null,
            emoji: window.emoji ?? null,
            roleId: window.roleId ?? null,
            closesAt,
            purgeAt: new Date(closesAt.getTime() + COLLECT_RETENTION_MS),
          },
        },
        { upsert: true },
      );
      return { closesAt: closesAt.toISOString() };
    },

    async 'engine.readCollected'({ collectId, close, bonusEntries }) {
      const s = await store();
      // Ended early: close the window first, so a click from now on is not entered (and the
      // entries read below are all there will be).
      if (close)
        await s.collectWindows.updateOne({ _id: collectId }, { $set: { closesAt: new Date() } });
      const entries = await s.collectEntries
        .find({ collectId })
        .sort({ enteredAt: 1, userId: 1 })
        .lean<CollectEntryRecord[]>();
      return collectedEntries(entries, bonusEntries);
    },

    async 'engine.loadGraph'({ guildId, graphId }) {
      const s = await store();
      const graph = await s.graphs
        .findOne({ _id: graphId, guildId, deletedAt: null })
        .lean<GraphRecord>();
      if (!graph)
        throw ApplicationFailure.nonRetryable(
          `No graph ${graphId} in this server: check the graph id of the "run graph" node.`,
          ERROR_TYPES.graphNotFound,
        );
      if (graph.publishedVersion === null)
        throw ApplicationFailure.nonRetryable(
          `Graph "${graph.name}" has never been published: publish it first.`,
          ERROR_TYPES.graphNotPublished,
        );
      if (!graph.enabled)
        throw ApplicationFailure.nonRetryable(
          `Graph "${graph.name}" is disabled: enable it (publish or roll back) to run it.`,
          ERROR_TYPES.graphDisabled,
        );
      const version = await s.versions
        .findById(versionKey(graph._id, graph.publishedVersion))
        .lean<GraphVersionRecord>();
      if (!version)
        throw new Error(`Version ${graph.publishedVersion} of graph ${graphId} is missing.`);
      return snapshotOf(version);
    },
  };
}

/**
 * When a wait or collect window registered now ends: `durationMs` from this activity's clock
 * (interpreter v4: the workflow's clock lags local activities), else the workflow's `given` end.
 */
export function registeredDeadline(given: string, durationMs: number | undefined): Date {
  return durationMs === undefined ? new Date(given) : new Date(Date.now() + durationMs);
}

/**
 * The answer of `engine.readCollected`: the users in order of entry with their roles, and with
 * `bonusEntries` each user's entries (1 plus the extra entries of every bonus role they had when
 * they entered) and `tickets`, every user repeated by their entries.
 *
 * @example
 * collectedEntries(entries, [{ roleId: 'booster', extraEntries: 2 }]).tickets; // boosters 3 times
 */
export function collectedEntries(
  entries: readonly CollectEntryRecord[],
  bonusEntries?: readonly { roleId: string; extraEntries: number }[],
): CollectedEntries {
  const users = entries.map((e) => ({
    id: e.userId,
    username: e.username,
    mention: e.mention,
    roles: e.roles ?? [],
  }));
  if (!bonusEntries) return { users, count: users.length };
  const tickets: CollectedEntries['tickets'] = [];
  const weighted = users.map((user) => {
    const bonus = bonusEntries
      .filter((rule) => user.roles.includes(rule.roleId))
      .reduce((sum, rule) => sum + Math.max(0, Math.floor(Number(rule.extraEntries) || 0)), 0);
    const entries = 1 + bonus;
    const { id, username, mention } = user;
    for (let i = 0; i < entries; i++) tickets.push({ id, username, mention });
    return { ...user, entries };
  });
  return { users: weighted, count: users.length, tickets };
}
