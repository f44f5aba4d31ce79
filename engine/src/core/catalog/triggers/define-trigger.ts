import type { Static, TObject, TSchema } from '@sinclair/typebox';
import { defineNode, type NodeDeclaration, type NodeDefinition } from '../define-node.js';
import { isEventOf, type EventOf, type RouterEventDefinition } from './events.js';

/**
 * A published trigger config as a matcher receives it: the declaration's config keys, with
 * values still to be checked — the config is rendered at publish time, but records written by
 * older versions may be partial or invalid, and a matcher must never throw on them.
 */
export type StoredConfig<C extends TObject> = { readonly [K in keyof Static<C>]?: unknown };

/**
 * The matcher of a routed trigger: compiled once per published config, then run per event of
 * its kind; the payload is typed by the declared `output`.
 */
export type TriggerMatch<C extends TObject, O extends TSchema, E extends RouterEventDefinition> = (
  config: StoredConfig<C>,
) => (event: EventOf<E>) => Static<O> | undefined;

/**
 * A trigger the gateway routes, as written in its file: a node definition plus the event
 * kind it listens to and its `match`, whose payload is typed by the declared `output`.
 *
 * @example
 * defineRoutedTrigger({ type: 'trigger.memberLeft', kind: 'trigger', …, event: MemberLeftEvent,
 *   match: () => (e) => ({ member: e.member, guild: e.guild }) });
 */
export interface RoutedTriggerDefinition<
  T extends string,
  C extends TObject,
  O extends TSchema,
  E extends RouterEventDefinition,
> extends NodeDefinition<T, C, O, 'trigger'> {
  kind: 'trigger';
  /** The router event kind this trigger listens to. */
  event: E;
  /** The trigger payload for a matching event, or undefined when the event does not match. */
  match: TriggerMatch<C, O, E>;
}

/** A routed trigger of the catalog: its node declaration with `event` and `match`. */
export interface RoutedTriggerDeclaration<
  T extends string = string,
  C extends TObject = TObject,
  O extends TSchema = TSchema,
  E extends RouterEventDefinition = RouterEventDefinition,
> extends NodeDeclaration<T, C, O, 'trigger'> {
  readonly event: E;
  readonly match: TriggerMatch<C, O, E>;
  /** `match` over any router event (other kinds never match), for the router's index. */
  readonly matcher: (
    config: Readonly<Record<string, unknown>>,
  ) => (event: { readonly kind: string }) => Static<O> | undefined;
}

/**
 * The payload fields `P` has that the declared output `O` does not (nested, as dotted paths):
 * TypeScript lets a returned object carry extra fields, the trigger payload must not — an
 * undeclared field would reach runs and the builder's autocomplete would not know it.
 */
type UndeclaredFields<P, O> = P extends readonly unknown[]
  ? never
  : P extends object
    ? O extends object
      ? {
          [K in keyof P & string]: K extends keyof O
            ? UndeclaredFields<P[K], O[K]> extends infer Inner extends string
              ? `${K}.${Inner}`
              : never
            : K;
        }[keyof P & string]
      : never
    : never;

/** Accepts a match whose payload declares nothing more than the output; names what is extra. */
type DeclaredPayload<P, O> = [UndeclaredFields<P, O>] extends [never]
  ? unknown
  : { match: `the payload has fields the output does not declare: ${UndeclaredFields<P, O>}` };

/**
 * Declares a trigger the gateway routes (see {@link defineNode} for the node part). Its
 * `match` returns exactly the declared output: a missing, mistyped or undeclared field is a
 * compile error here.
 *
 * @example
 * export const memberLeft = defineRoutedTrigger({ …, event: MemberLeftEvent, match: … });
 */
export function defineRoutedTrigger<
  const T extends string,
  C extends TObject,
  O extends TSchema,
  E extends RouterEventDefinition,
  P extends Static<O>,
>(
  definition: Omit<RoutedTriggerDefinition<T, C, O, E>, 'match'> & {
    match: (config: StoredConfig<C>) => (event: EventOf<E>) => P | undefined;
  } & DeclaredPayload<P, Static<O>>,
): RoutedTriggerDeclaration<T, C, O, E> {
  const { event, match, ...node } = definition;
  const matcher = (config: Readonly<Record<string, unknown>>) => {
    const matches = match(config);
    return (e: { readonly kind: string }) => (isEventOf(event, e) ? matches(e) : undefined);
  };
  return Object.freeze({ ...defineNode(node), event, match, matcher });
}

/** True for a declaration of a routed trigger (one with an event kind and a matcher). */
export function isRoutedTrigger<D extends NodeDeclaration>(
  declaration: D,
): declaration is Extract<D, { readonly event: RouterEventDefinition }> {
  return 'event' in declaration && 'match' in declaration;
}
