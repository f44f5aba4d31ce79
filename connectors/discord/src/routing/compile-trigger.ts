import {
  ROUTED_TRIGGERS,
  type RoutedTrigger,
  type RouterEvent,
  type RouterEventKind,
} from '@guildflow/engine/core';
import type { TriggerRecord } from '@guildflow/engine/service';

/** A published trigger compiled for matching: its filters are parsed once, not per event. */
export interface CompiledTrigger {
  graphId: string;
  guildId: string;
  triggerType: string;
  version: number;
  updatedAt: number;
  replyEphemeral: boolean;
  /** The event kind it listens to. */
  kind: RouterEventKind;
  /** The trigger payload for a matching event, or undefined when the event does not match. */
  match(event: RouterEvent): unknown;
}

const BY_TYPE: ReadonlyMap<string, RoutedTrigger> = new Map(
  ROUTED_TRIGGERS.map((d) => [d.type, d]),
);

/**
 * Compiles an active trigger record with its declaration's matcher, or undefined for a type
 * the router does not route (or a config that is not JSON).
 *
 * @example
 * const compiled = compileTrigger(record);
 * compiled?.match(event); // the payload, or undefined
 */
export function compileTrigger(record: TriggerRecord): CompiledTrigger | undefined {
  const declaration = BY_TYPE.get(record.triggerType);
  if (!declaration) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(record.configJson);
  } catch {
    return undefined;
  }
  // Records written by older versions may hold anything: matchers read what is there.
  const config: Record<string, unknown> =
    typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {};
  return {
    graphId: record._id,
    guildId: record.guildId,
    triggerType: record.triggerType,
    version: record.version,
    updatedAt: new Date(record.updatedAt).getTime(),
    replyEphemeral: record.replyEphemeral === true,
    kind: declaration.event.kind,
    match: declaration.matcher(config),
  };
}
