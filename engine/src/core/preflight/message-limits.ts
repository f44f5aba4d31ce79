import { DISCORD_LIMITS } from '../catalog/discord/shared.js';
import type { GraphDocument } from '../graph/schema.js';
import { parseTemplate } from '../expressions/parse-template.js';
import type { PreflightWarning } from './warning.js';

/** Message nodes whose text preflight measures. */
const MESSAGE_NODES = new Set(['discord.sendMessage', 'discord.reply', 'discord.editMessage']);

/**
 * The longest text a bare path expression can render to, by its last name (Discord's own
 * limits): ids ≤ 20 digits, mentions `<@&id>` ≤ 24, usernames and display names ≤ 32, channel,
 * role and server names ≤ 100, custom ids ≤ 100, counts ≤ 10 digits; anything ending in
 * `| truncate(n)` ≤ n. Anything else (other filters, operators, message text, variables) has no
 * known bound.
 */
const BOUNDS: readonly (readonly [RegExp, number])[] = [
  [/(^|\.)customId$/, DISCORD_LIMITS.customId],
  [/(^|\.)mention$/, 24],
  [/(^|\.)(id|[A-Za-z]*Id)$/, 20],
  [/(^|\.)(username|displayName|globalName|nick|nickname)$/, 32],
  [/(^|\.)name$/, 100],
  [/(^|\.)(memberCount|count|position)$/, 10],
];

/** The bound of one `{{ }}` expression's text, or undefined when it has none we know. */
export function expressionBound(source: string): number | undefined {
  const path = source.trim();
  const truncated = /\|\s*truncate\(\s*(\d+)\s*(,[^)]*)?\)$/.exec(path);
  if (truncated) return Number(truncated[1]);
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(path)) return undefined;
  return BOUNDS.find(([pattern]) => pattern.test(path))?.[1];
}

/** What one template can render to: its literal text, the known bounds, the unbounded expressions. */
interface Measure {
  literal: number;
  bounded: number;
  unknown: string[];
}

function measure(text: unknown): Measure | undefined {
  if (typeof text !== 'string') return undefined;
  const parsed = parseTemplate(text);
  if (parsed.problems.length > 0) return undefined;
  const m: Measure = { literal: 0, bounded: 0, unknown: [] };
  for (const part of parsed.parts) {
    if (typeof part === 'string') m.literal += part.length;
    else {
      const bound = expressionBound(part.source);
      if (bound === undefined) m.unknown.push(`{{ ${part.source.trim()} }}`);
      else m.bounded += bound;
    }
  }
  return m;
}

/** With unknown parts, warn once the known part is within 10 % of the limit. */
const CLOSE = 0.9;

function verdict(m: Measure, limit: number): string | undefined {
  const known = m.literal + m.bounded;
  if (known > limit)
    return `can render to ${known.toLocaleString('en-US')} characters (${m.literal.toLocaleString('en-US')} of text plus the longest values of its expressions), over Discord's limit of ${limit.toLocaleString('en-US')}`;
  if (m.unknown.length > 0 && known >= CLOSE * limit)
    return `already has ${known.toLocaleString('en-US')} of Discord's ${limit.toLocaleString('en-US')} characters before ${m.unknown.slice(0, 3).join(', ')}${m.unknown.length > 3 ? '…' : ''}, whose length is not known`;
  return undefined;
}

function add(a: Measure, b: Measure): Measure {
  return {
    literal: a.literal + b.literal,
    bounded: a.bounded + b.bounded,
    unknown: [...a.unknown, ...b.unknown],
  };
}

/**
 * `message_may_exceed_limit`: a message node's text, an embed's parts or an embed's total that
 * can exceed Discord's limits once its `{{ }}` expressions are rendered (bounds in
 * {@link expressionBound}); Discord then refuses the message and the node fails.
 *
 * @example
 * messageLimitWarnings(doc); // [{ code: 'message_may_exceed_limit', nodeId: 'welcome', field: '/content', … }]
 */
export function messageLimitWarnings(doc: GraphDocument): PreflightWarning[] {
  const warnings: PreflightWarning[] = [];
  for (const node of doc.nodes) {
    if (!MESSAGE_NODES.has(node.type)) continue;
    const check = (
      field: string,
      what: string,
      text: unknown,
      limit: number,
    ): Measure | undefined => {
      const m = measure(text);
      const problem = m && verdict(m, limit);
      if (problem)
        warnings.push({
          code: 'message_may_exceed_limit',
          severity: 'warning',
          nodeId: node.id,
          field,
          message: `${what} of "${node.id}" ${problem}: Discord would refuse the message. Shorten the text, or cut the value with a filter (e.g. \`| truncate(100)\`).`,
        });
      return m;
    };
    check('/content', 'The text', node.config.content, DISCORD_LIMITS.content);
    const embeds = Array.isArray(node.config.embeds) ? (node.config.embeds as unknown[]) : [];
    embeds.forEach((raw, i) => {
      if (typeof raw !== 'object' || raw === null) return;
      const e = raw as Record<string, unknown>;
      const base = `/embeds/${i}`;
      const label = `Embed ${i + 1}`;
      const parts: (Measure | undefined)[] = [
        check(`${base}/title`, `${label}'s title`, e.title, DISCORD_LIMITS.embedTitle),
        check(
          `${base}/description`,
          `${label}'s description`,
          e.description,
          DISCORD_LIMITS.embedDescription,
        ),
        check(
          `${base}/author/name`,
          `${label}'s author`,
          (e.author as { name?: unknown } | undefined)?.name,
          DISCORD_LIMITS.embedAuthor,
        ),
        check(
          `${base}/footer/text`,
          `${label}'s footer`,
          (e.footer as { text?: unknown } | undefined)?.text,
          DISCORD_LIMITS.embedFooter,
        ),
      ];
      const fields = Array.isArray(e.fields)
        ? (e.fields as { name?: unknown; value?: unknown }[])
        : [];
      fields.forEach((f, j) => {
        parts.push(
          check(
            `${base}/fields/${j}/name`,
            `${label}'s field ${j + 1} name`,
            f?.name,
            DISCORD_LIMITS.embedFieldName,
          ),
        );
        parts.push(
          check(
            `${base}/fields/${j}/value`,
            `${label}'s field ${j + 1} value`,
            f?.value,
            DISCORD_LIMITS.embedFieldValue,
          ),
        );
      });
      const total = parts.reduce<Measure>((sum, m) => (m ? add(sum, m) : sum), {
        literal: 0,
        bounded: 0,
        unknown: [],
      });
      const problem = verdict(total, DISCORD_LIMITS.embedTotal);
      if (problem)
        warnings.push({
          code: 'message_may_exceed_limit',
          severity: 'warning',
          nodeId: node.id,
          field: base,
          message: `All the text of ${label.toLowerCase()} of "${node.id}" together ${problem}: Discord would refuse the message. Shorten it or split it into two embeds.`,
        });
    });
  }
  return warnings;
}
