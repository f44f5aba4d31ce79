import type { GraphDocument } from '@guildflow/engine/core';
import type { ParameterSchema, Template } from './define.js';
import { graphPicture } from './graph-picture.js';

/** The command that regenerates docs/templates.md (a test fails when the file is stale). */
export const TEMPLATE_REFERENCE_COMMAND = 'npx tsx workflows/src/catalog/write-reference.ts';

const ID_KINDS: Partial<Record<string, string>> = {
  channel: 'channel id',
  category: 'category id',
  role: 'role id',
  member: 'user id',
};

/**
 * docs/templates.md: every template with its trigger, nodes and vars, generated from the catalog
 * so the page cannot drift from what installs.
 *
 * @example
 * writeFileSync('docs/templates.md', renderTemplateReference(TEMPLATES));
 */
export function renderTemplateReference(templates: readonly Template[]): string {
  const out: string[] = [
    '# Templates',
    '',
    `<!-- Generated from the template catalog (workflows/src) by \`${TEMPLATE_REFERENCE_COMMAND}\`. Do not edit by hand. -->`,
    '',
    'Welcome messages, warnings, auto-moderation, giveaways, tickets, recaps, countdowns, role menus, scheduled',
    'announcements and leveling are all just graphs. Each template below is one or more ordinary graph documents',
    'plus the **vars** its installer fills (channels, roles, texts, durations, lists). A feature that starts from',
    'several triggers (a welcome on join and a goodbye on leave; `/warn`, `/warnings` and `/unwarn`) installs one',
    'graph per trigger, all with the same vars; they share what they remember through data keys. Installing saves',
    'the graphs as **drafts** of your server: look at them in the builder, change anything, then publish them to',
    'turn them on.',
    '',
    '- In the builder: **Templates** (`/templates`), pick one, fill the form, install.',
    '- With the API: `GET /api/templates` lists them with the JSON Schema of their vars and the graphs each',
    '  installs; `POST /api/guilds/:guildId/templates/:templateId/install` with `{ "vars": { … } }` answers `201`',
    '  with the main graph resource (a draft, like `POST …/graphs`) and `installed`, every graph it created. It is',
    '  all or nothing: when one graph cannot be saved, none is kept. Vars that do not fit answer `400 invalid_vars`',
    '  with one `{ var, path, message }` per problem; an unknown template answers `404`.',
    '',
    'The vars are stored in each graph’s `vars` and the nodes read them as `{{ vars.name }}`, so a value is always',
    'data: text you type into a var is shown as written, never evaluated as an expression. Change a var later in',
    'the editor’s graph variables, or change the nodes themselves. Vars without a default are required.',
    'The pictures below are drawn from the graphs themselves (Mermaid); the builder shows the same graphs.',
    '',
    '| template | category | starts on | what it does |',
    '|---|---|---|---|',
    ...templates.map(
      (t) => `| [\`${t.id}\`](#${t.id}) | ${t.category} | ${startsOnAll(t)} | ${t.description} |`,
    ),
    '',
  ];
  for (const template of templates) out.push(...section(template));
  return `${out.join('\n').trimEnd()}\n`;
}

function section(t: Template): string[] {
  const { properties, required, examples } = t.parameters;
  const lines = [
    `## ${t.id}`,
    '',
    `**${t.name}** · ${t.category} · starts on ${startsOnAll(t)}`,
    '',
    t.description,
    '',
    ...t.graphs.flatMap((doc) => graphSection(t, doc)),
    '**Vars**',
    '',
    '| var | type | required | default | description |',
    '|---|---|---|---|---|',
    ...Object.entries(properties).map(
      ([name, p]) =>
        `| \`${name}\` | ${typeOf(p)} | ${required.includes(name) ? 'yes' : ''} | ${p.default === undefined ? '' : `\`${JSON.stringify(p.default)}\``} | ${p.title}: ${p.description} |`,
    ),
    '',
  ];
  if (examples[0])
    lines.push(
      `**Install in the sandbox guild** (\`POST /api/guilds/1300000000000000000/templates/${t.id}/install\`)`,
      '',
      '```json',
      JSON.stringify({ vars: examples[0] }, null, 2),
      '```',
      '',
    );
  lines.push(`More: [workflows/src/${t.id}/README.md](../workflows/src/${t.id}/README.md)`, '');
  return lines;
}

function graphSection(t: Template, doc: GraphDocument): string[] {
  const heading =
    t.graphs.length > 1
      ? [`**Graph: ${doc.name}** (starts on ${startsOn(doc)})`, '', doc.description ?? '', '']
      : [];
  return [
    ...heading,
    ...graphPicture(doc),
    '',
    '<details><summary>Nodes</summary>',
    '',
    ...doc.nodes.map((n) => `- ${n.label ?? n.id} (\`${n.id}\`: \`${n.type}\`)`),
    '',
    '</details>',
    '',
  ];
}

function startsOnAll(t: Template): string {
  return t.graphs.map(startsOn).join(' · ');
}

function startsOn(doc: GraphDocument): string {
  const trigger = doc.nodes[0];
  if (!trigger) return '—';
  const config = trigger.config as Record<string, unknown>;
  if (trigger.type === 'trigger.slashCommand') {
    const options = (config.options as { name: string }[] | undefined) ?? [];
    return `\`/${[config.name, ...options.map((o) => o.name)].join(' ')}\``;
  }
  return `\`${trigger.type}\``;
}

function typeOf(p: ParameterSchema): string {
  if (p.type === 'array') {
    const items = (p.items ?? {}) as ParameterSchema;
    return `list of ${typeOf(items).replace(/ id$/, ' ids')}`;
  }
  const widget = p['x-widget'];
  const kind = widget ? ID_KINDS[widget] : undefined;
  if (kind) return kind;
  if (widget === 'duration')
    return p['x-maxDuration'] ? `duration (≤ ${p['x-maxDuration']})` : 'duration';
  if (widget === 'datetime') return 'date';
  if (widget === 'cron') return 'cron';
  if (widget === 'timezone') return 'time zone';
  if (widget === 'url') return 'URL';
  if (p.type === 'integer' || p.type === 'number') {
    const range =
      p.minimum !== undefined && p.maximum !== undefined
        ? ` ${String(p.minimum)}–${String(p.maximum)}`
        : '';
    return `${p.type}${range}`;
  }
  if (p.type === 'string')
    return typeof p.maxLength === 'number' ? `text (≤ ${p.maxLength})` : 'text';
  return p.type;
}
