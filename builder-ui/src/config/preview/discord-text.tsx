import { expressionSpans } from '@guildflow/engine/core';
import type { ReactNode } from 'react';
import type { GuildDiscord } from '../guild-discord.js';

/**
 * Discord's markdown basics for the preview, rendered as React elements (never as HTML):
 * bold, italic, underline, strike-through, spoilers, inline code and code blocks, headings,
 * quotes, links, mentions shown by name from the guild, `<t:…>` times, and `{{ }}`
 * expressions as placeholders (what they are is only known when the message is sent).
 * A deliberately small subset: the preview shows the shape of a message, Discord renders it.
 */

const MARK = '\uE000';
const END = '\uE001';

interface Inline {
  name: string;
  pattern: RegExp;
  render(match: RegExpExecArray, ctx: TextContext, key: string): ReactNode;
}

interface TextContext {
  guild: GuildDiscord | undefined;
  expressions: string[];
}

const wrap =
  (tag: 'strong' | 'em' | 'u' | 's', className?: string) =>
  (m: RegExpExecArray, ctx: TextContext, key: string) => {
    const Tag = tag;
    return (
      <Tag key={key} className={className}>
        {inline(m[1] ?? '', ctx, key)}
      </Tag>
    );
  };

const INLINE: Inline[] = [
  {
    name: 'expr',
    pattern: new RegExp(`${MARK}(\\d+)${END}`),
    render: (m, ctx, key) => expressionChip(ctx.expressions[Number(m[1])] ?? '', key),
  },
  { name: 'code', pattern: /`([^`]+)`/, render: (m, _ctx, key) => <code key={key}>{m[1]}</code> },
  { name: 'bold', pattern: /\*\*([\s\S]+?)\*\*/, render: wrap('strong') },
  { name: 'underline', pattern: /__([\s\S]+?)__/, render: wrap('u') },
  {
    name: 'italic',
    pattern: /\*([^*\s](?:[\s\S]*?[^*\s])?)\*|_([^_\s](?:[\s\S]*?[^_\s])?)_/,
    render: (m, ctx, key) => <em key={key}>{inline(m[1] ?? m[2] ?? '', ctx, key)}</em>,
  },
  { name: 'strike', pattern: /~~([\s\S]+?)~~/, render: wrap('s') },
  {
    name: 'spoiler',
    pattern: /\|\|([\s\S]+?)\|\|/,
    render: (m, ctx, key) => (
      <span key={key} className="gf-preview-spoiler">
        {inline(m[1] ?? '', ctx, key)}
      </span>
    ),
  },
  {
    name: 'role',
    pattern: /<@&(\d+)>/,
    render: (m, ctx, key) => roleMention(m[1] ?? '', ctx, key),
  },
  {
    name: 'user',
    pattern: /<@!?(\d+)>/,
    render: (m, ctx, key) => userMention(m[1] ?? '', ctx, key),
  },
  {
    name: 'channel',
    pattern: /<#(\d+)>/,
    render: (m, ctx, key) => (
      <span key={key} className="gf-preview-mention">
        #{ctx.guild?.channels.find((c) => c.id === m[1])?.name ?? 'unknown-channel'}
      </span>
    ),
  },
  {
    name: 'everyone',
    pattern: /@(everyone|here)\b/,
    render: (m, _ctx, key) => (
      <span
        key={key}
        className="gf-preview-mention"
        title="Guildflow never pings @everyone or @here"
      >
        @{m[1]}
      </span>
    ),
  },
  {
    name: 'time',
    pattern: /<t:(-?\d+)(?::([tTdDfFR]))?>/,
    render: (m, _ctx, key) => (
      <span key={key} className="gf-preview-time">
        {formatTime(Number(m[1]), m[2] ?? 'f')}
      </span>
    ),
  },
  {
    name: 'emoji',
    pattern: /<a?:(\w+):\d+>/,
    render: (m, _ctx, key) => <span key={key}>:{m[1]}:</span>,
  },
  {
    name: 'link',
    pattern: /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/,
    render: (m, ctx, key) => (
      <a key={key} href={m[2]} target="_blank" rel="noreferrer noopener">
        {inline(m[1] ?? '', ctx, key)}
      </a>
    ),
  },
  {
    name: 'url',
    pattern: /https?:\/\/[^\s<]*[^\s<.,:;"')\]!?]/,
    render: (m, _ctx, key) => (
      <a key={key} href={m[0]} target="_blank" rel="noreferrer noopener">
        {m[0]}
      </a>
    ),
  },
];

function inline(text: string, ctx: TextContext, keyBase: string): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest.length > 0) {
    let best: { match: RegExpExecArray; rule: Inline } | undefined;
    for (const rule of INLINE) {
      const match = rule.pattern.exec(rest);
      if (match && (!best || match.index < best.match.index)) best = { match, rule };
    }
    if (!best) {
      out.push(rest);
      break;
    }
    if (best.match.index > 0) out.push(rest.slice(0, best.match.index));
    out.push(best.rule.render(best.match, ctx, `${keyBase}.${n++}`));
    rest = rest.slice(best.match.index + best.match[0].length);
  }
  return out;
}

function expressionChip(source: string, key: string): ReactNode {
  const path = source.trim();
  const mention = /\.mention$/.test(path);
  return (
    <span
      key={key}
      className={mention ? 'gf-preview-mention gf-preview-expr' : 'gf-preview-expr'}
      title="Filled in when the message is sent"
    >
      {mention ? `@${path.replace(/\.mention$/, '')}` : `{{ ${path} }}`}
    </span>
  );
}

function userMention(id: string, ctx: TextContext, key: string): ReactNode {
  const member = ctx.guild?.members.find((m) => m.id === id);
  return (
    <span key={key} className="gf-preview-mention">
      @{member ? member.displayName || member.username : 'unknown-user'}
    </span>
  );
}

function roleMention(id: string, ctx: TextContext, key: string): ReactNode {
  const role = ctx.guild?.roles.find((r) => r.id === id);
  const color = role?.color ? `#${role.color.toString(16).padStart(6, '0')}` : undefined;
  // The role's colour as a dot: coloured text on the mention's background can be unreadable.
  return (
    <span key={key} className="gf-preview-mention gf-preview-role">
      {color ? (
        <span className="gf-preview-role-dot" style={{ background: color }} aria-hidden="true" />
      ) : null}
      @{role?.name ?? 'unknown-role'}
    </span>
  );
}

function formatTime(seconds: number, style: string): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  if (style === 'R') {
    const minutes = Math.round((date.getTime() - Date.now()) / 60_000);
    const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
    if (Math.abs(minutes) < 1440) return rtf.format(Math.round(minutes / 60), 'hour');
    return rtf.format(Math.round(minutes / 1440), 'day');
  }
  const options: Intl.DateTimeFormatOptions =
    style === 't'
      ? { timeStyle: 'short' }
      : style === 'T'
        ? { timeStyle: 'medium' }
        : style === 'd'
          ? { dateStyle: 'short' }
          : style === 'D'
            ? { dateStyle: 'long' }
            : style === 'F'
              ? { dateStyle: 'full', timeStyle: 'short' }
              : { dateStyle: 'long', timeStyle: 'short' };
  return new Intl.DateTimeFormat('en-GB', options).format(date);
}

/**
 * A message text as Discord shows it (the subset described above).
 *
 * @example
 * <DiscordText text="Welcome {{ trigger.member.mention }} to **the server**!" guild={data} />
 */
export function DiscordText({ text, guild }: { text: string; guild: GuildDiscord | undefined }) {
  const expressions: string[] = [];
  // Expressions become placeholders first, so markdown around them still applies.
  let marked = '';
  let at = 0;
  for (const span of expressionSpans(text)) {
    marked += text.slice(at, span.from);
    const inner = span.closed ? text.slice(span.from + 2, span.to - 2) : text.slice(span.from + 2);
    marked += `${MARK}${expressions.length}${END}`;
    expressions.push(inner);
    at = span.to;
  }
  marked += text.slice(at);
  const ctx: TextContext = { guild, expressions };
  const blocks: ReactNode[] = [];
  const parts = marked.split(/```(?:[a-z0-9]*\n)?([\s\S]*?)```/i);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      blocks.push(
        <pre key={`b${i}`} className="gf-preview-codeblock">
          {part.replace(
            new RegExp(`${MARK}(\\d+)${END}`, 'g'),
            (_m, n: string) => `{{${expressions[Number(n)] ?? ''}}}`,
          )}
        </pre>,
      );
      return;
    }
    part.split('\n').forEach((line, j) => {
      const key = `l${i}.${j}`;
      const heading = /^(#{1,3}) (.*)$/.exec(line);
      const quote = /^>>?>? ?(.*)$/.exec(line);
      if (heading) {
        const level = heading[1]?.length ?? 1;
        blocks.push(
          <div key={key} className={`gf-preview-h${level}`} role="heading" aria-level={level + 2}>
            {inline(heading[2] ?? '', ctx, key)}
          </div>,
        );
      } else if (quote) {
        blocks.push(
          <blockquote key={key} className="gf-preview-quote">
            {inline(quote[1] ?? '', ctx, key)}
          </blockquote>,
        );
      } else {
        blocks.push(
          <div key={key} className="gf-preview-line">
            {line === '' ? '\u00a0' : inline(line, ctx, key)}
          </div>,
        );
      }
    });
  });
  return <div className="gf-preview-text">{blocks}</div>;
}
