import { isTemplate } from '@guildflow/engine/core';
import type { NameLookup } from './names.js';

type Config = Readonly<Record<string, unknown>>;

const TEXT_MAX = 28;

/**
 * Text as one short line: `{{ … }}` parts shortened to `{{…}}`, whitespace collapsed, cut at
 * `max` characters with an ellipsis.
 *
 * @example
 * shortText('Welcome {{ trigger.member.mention }}!'); // 'Welcome {{…}}!'
 */
export function shortText(value: unknown, max = TEXT_MAX): string {
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))
    .replace(/\{\{[\s\S]*?\}\}/g, '{{…}}')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A reference field: a name from the guild, the expression that computes it, or the id. */
function ref(value: unknown, sigil: string, lookup: (id: string) => string | undefined): string {
  if (typeof value !== 'string' || value === '') return '';
  if (isTemplate(value)) {
    const inner = /^\s*\{\{\s*([\s\S]*?)\s*\}\}\s*$/.exec(value)?.[1];
    return inner !== undefined ? `{{${shortText(inner, 24)}}}` : shortText(value);
  }
  return `${sigil}${lookup(value) ?? value}`;
}

const quoted = (value: unknown) =>
  typeof value === 'string' && value ? `"${shortText(value)}"` : '';
const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
const count = (value: unknown, noun: string) =>
  Array.isArray(value) && value.length > 0
    ? `${value.length} ${noun}${value.length === 1 ? '' : 's'}`
    : '';

type Summarizer = (config: Config, names: NameLookup) => string;

const channel = (c: Config, n: NameLookup, key = 'channelId') => ref(c[key], '#', n.channel);
const member = (c: Config, n: NameLookup, key = 'userId') => ref(c[key], '@', n.member);
const role = (c: Config, n: NameLookup) => ref(c.roleId, '@', n.role);

function message(verb: string): Summarizer {
  return (c, n) => {
    const what = quoted(c.content) || count(c.embeds, 'embed') || count(c.buttons, 'button');
    const where = c.userId ? member(c, n) : channel(c, n);
    return join(verb, what, where && `to ${where}`);
  };
}

const SUMMARIES: Readonly<Record<string, Summarizer>> = {
  'trigger.messageCreated': (c, n) =>
    join(
      channel(c, n) ? `In ${channel(c, n)}` : 'Any channel',
      c.contains ? `containing ${quoted(c.contains)}` : '',
      c.pattern ? `matching ${quoted(c.pattern)}` : '',
    ),
  'trigger.reactionAdded': (c, n) =>
    join(shortText(c.emoji ?? ''), channel(c, n) && `in ${channel(c, n)}`),
  'trigger.memberUpdated': (c, n) =>
    join(
      c.change === 'screening' ? 'Rules accepted' : c.change === 'roles' ? 'Roles changed' : '',
      role(c, n) && `(got ${role(c, n)})`,
    ),
  'trigger.buttonClicked': (c) =>
    c.customIdPrefix ? `Buttons ${quoted(`${String(c.customIdPrefix)}…`)}` : '',
  'trigger.slashCommand': (c) => (typeof c.name === 'string' && c.name ? `/${c.name}` : ''),
  'trigger.memberCountReached': (c) =>
    Array.isArray(c.milestones) && c.milestones.length
      ? `At ${shortText(c.milestones.join(', '))} members`
      : '',
  'trigger.schedule': (c) =>
    c.cron
      ? join(`Cron ${shortText(c.cron)}`, c.timezone ? `(${String(c.timezone)})` : '')
      : c.interval
        ? `Every ${shortText(c.interval)}`
        : c.at
          ? `At ${shortText(c.at)}`
          : '',
  'trigger.stripeEvent': (c) => (Array.isArray(c.events) ? shortText(c.events.join(', ')) : ''),
  'discord.sendMessage': (c, n) => (c.userId ? message('DM')(c, n) : message('Send')(c, n)),
  'discord.editMessage': (c) => join('Edit to', quoted(c.content) || count(c.embeds, 'embed')),
  'discord.reply': (c) =>
    join(
      'Reply',
      quoted(c.content) || count(c.embeds, 'embed'),
      c.ephemeral === true ? '(only them)' : '',
    ),
  'discord.deleteMessage': (c, n) => join('Delete message', channel(c, n) && `in ${channel(c, n)}`),
  'discord.readMessages': (c, n) =>
    join(
      `Read last ${c.limit !== undefined ? shortText(c.limit) : '50'}`,
      channel(c, n) && `in ${channel(c, n)}`,
    ),
  'discord.addRole': (c, n) => join('Give', role(c, n), member(c, n) && `to ${member(c, n)}`),
  'discord.removeRole': (c, n) => join('Take', role(c, n), member(c, n) && `from ${member(c, n)}`),
  'discord.timeoutMember': (c, n) =>
    join('Time out', member(c, n), c.duration ? `for ${shortText(c.duration)}` : ''),
  'discord.kickMember': (c, n) => join('Kick', member(c, n)),
  'discord.banMember': (c, n) => join('Ban', member(c, n)),
  'discord.createChannel': (c) => (c.name ? `Create #${shortText(c.name)}` : ''),
  'discord.archiveChannel': (c, n) => join('Archive', channel(c, n)),
  'discord.addReaction': (c) => join('React', shortText(c.emoji ?? '')),
  'flow.if': (c) => (c.condition === undefined ? '' : shortText(String(c.condition), 34)),
  'flow.switch': (c) =>
    join(shortText(c.value ?? ''), count(c.cases, 'case') && `→ ${count(c.cases, 'case')}`),
  'flow.delay': (c) =>
    c.duration ? `Wait ${shortText(c.duration)}` : c.until ? `Until ${shortText(c.until)}` : '',
  'flow.waitFor': (c, n) =>
    join(
      c.event ? `For a ${String(c.event)}` : '',
      role(c, n) && `by ${role(c, n)}`,
      c.timeout ? `(up to ${shortText(c.timeout)})` : '',
    ),
  'flow.collect': (c) => (c.duration ? `For ${shortText(c.duration)}` : ''),
  'flow.pickRandom': (c) => (c.count !== undefined ? `Pick ${shortText(c.count)}` : ''),
  'flow.forEach': (c) => (c.items !== undefined ? `Each of ${shortText(c.items)}` : ''),
  'flow.setVariables': (c) =>
    c.values && typeof c.values === 'object'
      ? shortText(`Set ${Object.keys(c.values).join(', ')}`)
      : '',
  'flow.runGraph': (c) =>
    join(c.graphId ? `Run ${shortText(c.graphId, 16)}` : '', c.wait === false ? '(no wait)' : ''),
  'data.get': (c) => join(quoted(c.key), c.scope === 'member' ? 'per member' : ''),
  'data.set': (c) =>
    join(quoted(c.key), c.value !== undefined ? `= ${shortText(c.value, 16)}` : ''),
  'data.increment': (c) => join(quoted(c.key), c.by !== undefined ? `+${shortText(c.by)}` : '+1'),
  'data.stats': (c) =>
    join(
      c.period ? `Over ${shortText(c.period)}` : '',
      c.offset ? `ending ${shortText(c.offset)} ago` : '',
    ),
  'data.top': (c) =>
    join(`Top ${c.count !== undefined ? shortText(c.count) : '10'}`, 'by', quoted(c.key)),
  'http.request': (c) =>
    join(typeof c.method === 'string' ? c.method : 'GET', c.url ? shortText(c.url, 30) : ''),
};

/**
 * One line saying what a node is set to do, e.g. `Send "Welcome {{…}}" to #welcome`; '' when
 * nothing is set yet. Channel, role and member names come from `names` when it knows them.
 *
 * @example
 * summarize('discord.addRole', { roleId: '42', userId: '{{ trigger.member.id }}' }, names);
 * // 'Give @Newcomer to {{trigger.member.id}}'
 */
export function summarize(type: string, config: Config, names: NameLookup): string {
  const specific = SUMMARIES[type];
  if (specific) return specific(config, names);
  // Other types: the first couple of simple values, by field name.
  return Object.entries(config)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value) && value !== '')
    .slice(0, 2)
    .map(([key, value]) => `${key}: ${shortText(value, 18)}`)
    .join(', ');
}
