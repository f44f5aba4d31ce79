import type { RouterEvent, RouterEventKind } from '@guildflow/engine/core';
import type { TriggerRecord } from '@guildflow/engine/service';
import { compileTrigger, type CompiledTrigger } from './compile-trigger.js';

/** One graph an event matched, with the payload its run starts with. */
export interface TriggerMatch {
  graphId: string;
  guildId: string;
  version: number;
  triggerType: string;
  /** The graph answers the interaction ephemerally: defer ephemerally. */
  replyEphemeral: boolean;
  payload: unknown;
}

const NONE: readonly TriggerMatch[] = Object.freeze([]);

/**
 * The in-memory index of live triggers by guild and event kind. An event of a guild (or kind)
 * with no live trigger costs two map lookups and never touches the database.
 *
 * @example
 * const index = new TriggerIndex();
 * index.apply(record);
 * index.match(event); // [{ graphId, version, payload, … }]
 */
export class TriggerIndex {
  private readonly byGuild = new Map<string, Map<RouterEventKind, CompiledTrigger[]>>();
  private readonly byGraph = new Map<string, CompiledTrigger>();

  /** How many graphs are live. */
  get size(): number {
    return this.byGraph.size;
  }

  /**
   * Applies a record from the store: adds, replaces or (inactive) removes the graph's trigger.
   * An older record than the one applied is ignored (polls overlap; rollbacks lower versions, so
   * `updatedAt` orders them, not the version). Returns whether anything changed.
   */
  apply(record: TriggerRecord): boolean {
    const current = this.byGraph.get(record._id);
    const updatedAt = new Date(record.updatedAt).getTime();
    if (current && current.updatedAt > updatedAt) return false;
    const compiled = record.active ? compileTrigger(record) : undefined;
    if (current) {
      if (compiled && current.updatedAt === updatedAt && current.version === compiled.version)
        return false;
      this.remove(current);
    }
    if (!compiled) return current !== undefined;
    this.byGraph.set(compiled.graphId, compiled);
    let kinds = this.byGuild.get(compiled.guildId);
    if (!kinds) this.byGuild.set(compiled.guildId, (kinds = new Map()));
    const list = kinds.get(compiled.kind);
    if (list) list.push(compiled);
    else kinds.set(compiled.kind, [compiled]);
    return true;
  }

  /** The graphs `event` starts, with their payloads (empty for most events). */
  match(event: RouterEvent): readonly TriggerMatch[] {
    const list = this.byGuild.get(event.guildId)?.get(event.kind);
    if (!list) return NONE;
    let matches: TriggerMatch[] | undefined;
    for (const trigger of list) {
      const payload = trigger.match(event);
      if (payload === undefined) continue;
      (matches ??= []).push({
        graphId: trigger.graphId,
        guildId: trigger.guildId,
        version: trigger.version,
        triggerType: trigger.triggerType,
        replyEphemeral: trigger.replyEphemeral,
        payload,
      });
    }
    return matches ?? NONE;
  }

  /** The live triggers of a guild (e.g. its slash commands), in no particular order. */
  triggersOf(guildId: string): CompiledTrigger[] {
    const kinds = this.byGuild.get(guildId);
    return kinds ? [...kinds.values()].flat() : [];
  }

  private remove(trigger: CompiledTrigger): void {
    this.byGraph.delete(trigger.graphId);
    const kinds = this.byGuild.get(trigger.guildId);
    const list = kinds?.get(trigger.kind);
    if (!kinds || !list) return;
    const rest = list.filter((t) => t !== trigger);
    if (rest.length > 0) kinds.set(trigger.kind, rest);
    else kinds.delete(trigger.kind);
    if (kinds.size === 0) this.byGuild.delete(trigger.guildId);
  }
}
