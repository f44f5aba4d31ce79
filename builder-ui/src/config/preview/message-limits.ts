import { DISCORD_LIMITS } from '@guildflow/engine/core';
import { embedText } from '../fields/embed-list.js';
import { literalLength } from '../fields/parts.js';
import { textOf } from '../fields/values.js';

/** One limit of a message and how close the config is to it. */
export interface LimitUse {
  what: string;
  used: number;
  max: number;
  /** `near` from 90 % of the limit, `over` past it. */
  level: 'ok' | 'near' | 'over';
  /** True when expressions add characters that are only known when the message is sent. */
  atLeast: boolean;
}

const level = (used: number, max: number): LimitUse['level'] =>
  used > max ? 'over' : used >= max * 0.9 ? 'near' : 'ok';

function measure(what: string, text: string, max: number): LimitUse {
  const used = literalLength(text);
  return { what, used, max, level: level(used, max), atLeast: used !== text.length };
}

function count(what: string, used: number, max: number): LimitUse {
  return { what, used, max, level: level(used, max), atLeast: false };
}

/**
 * The row each button lands in: its `row`, else rows of five in order (as the engine sends it).
 *
 * @example
 * buttonRows([{}, {}, {}, {}, {}, {}]); // [0, 0, 0, 0, 0, 1]
 */
export function buttonRows(buttons: readonly Record<string, unknown>[]): number[] {
  return buttons.map((b, i) =>
    typeof b.row === 'number' ? b.row : Math.floor(i / DISCORD_LIMITS.buttonsPerRow),
  );
}

/**
 * Every Discord limit a message config touches (2,000 characters of text, 6,000 per embed,
 * 10 embeds, 25 buttons in 5 rows of 5, custom ids of 100), with how much of each it uses.
 *
 * @example
 * messageLimits({ content: 'x'.repeat(1900) })[0]; // { what: 'Text', used: 1900, max: 2000, level: 'near', … }
 */
export function messageLimits(config: Readonly<Record<string, unknown>>): LimitUse[] {
  const uses: LimitUse[] = [];
  uses.push(measure('Text', textOf(config.content), DISCORD_LIMITS.content));
  const embeds = Array.isArray(config.embeds) ? (config.embeds as Record<string, unknown>[]) : [];
  if (embeds.length > 0) uses.push(count('Embeds', embeds.length, DISCORD_LIMITS.embeds));
  embeds.forEach((embed, i) =>
    uses.push(measure(`Embed ${i + 1} text`, embedText(embed ?? {}), DISCORD_LIMITS.embedTotal)),
  );
  const buttons = Array.isArray(config.buttons)
    ? (config.buttons as Record<string, unknown>[])
    : [];
  if (buttons.length > 0) {
    uses.push(count('Buttons', buttons.length, DISCORD_LIMITS.buttons));
    const rows = buttonRows(buttons);
    uses.push(count('Rows', new Set(rows).size, DISCORD_LIMITS.rows));
    const perRow = new Map<number, number>();
    for (const row of rows) perRow.set(row, (perRow.get(row) ?? 0) + 1);
    for (const [row, n] of [...perRow].sort((a, b) => a[0] - b[0]))
      if (n >= DISCORD_LIMITS.buttonsPerRow)
        uses.push(count(`Buttons in row ${row + 1}`, n, DISCORD_LIMITS.buttonsPerRow));
    buttons.forEach((b, i) => {
      const id = textOf(b?.customId);
      if (id !== '' && literalLength(id) >= DISCORD_LIMITS.customId * 0.9)
        uses.push(measure(`Button ${i + 1} custom ID`, id, DISCORD_LIMITS.customId));
    });
  }
  return uses;
}
