import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDS } from '@guildflow/discord-sandbox';
import { TEMPLATES, type ParameterSchema, type Template } from '@guildflow/workflows';
import { startE2E, type E2E, type Tab } from './harness.js';

// Every template installs from the gallery as a person would: its required settings filled in
// the install form (servers' channels and roles picked by name), its graphs saved as drafts that
// publish. What each template then does is shown by its own sandbox tests (workflows/src/*).

const GUILD = SANDBOX_IDS.guild;
let e2e: E2E;
let tab: Tab;
/** Sandbox channel and role names by id, as the pickers show them. */
const names = new Map<string, string>();

beforeAll(async () => {
  e2e = await startE2E();
  tab = await e2e.tab();
  await e2e.signIn(tab);
  await tab.page.goto(`/guilds/${GUILD}/graphs`);
  await tab.page.getByRole('heading', { name: 'Graphs', exact: true }).waitFor();
  const { body } = await api('GET', `/api/guilds/${GUILD}/discord`);
  for (const entity of [...body.channels, ...body.roles] as { id: string; name: string }[])
    names.set(entity.id, entity.name);
});
afterAll(() => e2e?.close());

const api = (method: string, path: string, body?: unknown) =>
  e2e.stack.service.api(method, path, body === undefined ? {} : { body });

type Scope = ReturnType<Tab['page']['getByRole']>;

/** A field's accessible name: its title, marked with `*` when required. */
const named = (title: string) =>
  new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);

/** Fills one setting the way a person would: pickers by name, text by typing. */
async function fill(
  scope: Scope,
  schema: ParameterSchema,
  value: unknown,
  /** The entry of a list the field belongs to (each entry has the same fields). */
  entry = 0,
): Promise<void> {
  const widget = schema['x-widget'];
  if (widget === 'channel' || widget === 'role') {
    const picker = scope.getByRole('combobox', { name: named(schema.title) }).nth(entry);
    await picker.pressSequentially(names.get(String(value)) ?? String(value));
    await picker.press('Enter');
    await expect(picker.inputValue()).resolves.toMatch(widget === 'role' ? /^@/ : /^#/);
    return;
  }
  if (schema.type === 'array') {
    const item = schema.items as ParameterSchema & { properties: Record<string, ParameterSchema> };
    const [first] = Object.values(item.properties) as [ParameterSchema];
    const picker = first['x-widget'] === 'channel' || first['x-widget'] === 'role';
    const entries = scope.getByRole(picker ? 'combobox' : 'textbox', { name: named(first.title) });
    for (const [i, entry] of (value as Record<string, unknown>[]).entries()) {
      // A list with a minimum starts with its first entries drawn.
      if ((await entries.count()) <= i)
        await scope.getByRole('button', { name: `Add to ${schema.title}` }).click();
      for (const [name, inner] of Object.entries(item.properties))
        if (entry[name] !== undefined) await fill(scope, inner, entry[name], i);
    }
    return;
  }
  await scope
    .getByRole('textbox', { name: named(schema.title) })
    .nth(entry)
    .fill(String(value));
}

describe('every template from the gallery', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    'installs %s with its required settings, as drafts that publish',
    async (name, template: Template) => {
      await tab.page.goto('/templates');
      await tab.page.getByRole('button', { name: `Install ${name}` }).click();
      const dialog = tab.page.getByRole('dialog', { name: `Install “${name}”` });
      const example = template.parameters.examples[0] ?? {};
      for (const key of template.parameters.required) {
        const schema = template.parameters.properties[key] as ParameterSchema;
        await fill(dialog, schema, example[key]);
      }
      const count = template.graphs.length;
      await dialog
        .getByRole('button', { name: count > 1 ? `Install ${count} graphs` : 'Install and open' })
        .click();
      // Installed (the dialog closes), or refused: then say what the form showed.
      const refused = dialog.getByRole('alert');
      await Promise.race([dialog.waitFor({ state: 'detached' }), refused.waitFor()]);
      if (await refused.isVisible())
        throw new Error(`not installed: ${(await dialog.innerText()).replace(/\s+/g, ' ')}`);
      await tab.page.waitForURL(/\/guilds\/\d+\/graphs(\/g_[\w-]+)?$/, { waitUntil: 'commit' });
      e2e.expectNoErrors(tab);
      // Leave the editor before its graph is deleted below.
      await tab.page.goto('/templates');

      const listed = (await api('GET', `/api/guilds/${GUILD}/graphs`)).body.graphs as {
        id: string;
        name: string;
      }[];
      for (const doc of template.graphs) {
        const graph = listed.find((g) => g.name === doc.name);
        expect(graph, doc.name).toBeDefined();
        const saved = await api('GET', `/api/guilds/${GUILD}/graphs/${graph?.id}`);
        expect(saved.body.issues, doc.name).toEqual([]);
        for (const key of template.parameters.required)
          if (key in doc.vars) expect(saved.body.draft.vars[key], key).toEqual(example[key]);
        const published = await api('POST', `/api/guilds/${GUILD}/graphs/${graph?.id}/publish`);
        expect(published.status, JSON.stringify(published.body)).toBe(200);
        // Out of the way of the next template's names (and its slash commands).
        const deleted = await api('DELETE', `/api/guilds/${GUILD}/graphs/${graph?.id}`);
        expect([202, 204]).toContain(deleted.status);
      }
    },
  );
});
