import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CRON_PATTERN,
  DATE_TIME_PATTERN,
  DURATION_PATTERN,
  SNOWFLAKE_PATTERN,
  getNodeType,
  validateGraph,
  type GraphDocument,
} from '@guildflow/engine/core';
import { triggerConfigOf } from '@guildflow/engine/service';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { TEMPLATES, TEMPLATE_CATEGORIES, templateCatalog, type ParameterSchema } from '../index.js';
import { TEMPLATE_REFERENCE_COMMAND, renderTemplateReference } from './reference.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const OPTIONAL_ID_PATTERN = `^(?:${SNOWFLAKE_PATTERN.slice(1, -1)})?$`;
const WIDGET_PATTERNS: Record<string, string[]> = {
  channel: [SNOWFLAKE_PATTERN, OPTIONAL_ID_PATTERN],
  role: [SNOWFLAKE_PATTERN, OPTIONAL_ID_PATTERN],
  member: [SNOWFLAKE_PATTERN, OPTIONAL_ID_PATTERN],
  duration: [DURATION_PATTERN],
  datetime: [DATE_TIME_PATTERN],
  cron: [CRON_PATTERN],
};

/** Every installer var a graph's configs read (not the names flow.setVariables sets in a run). */
function varsRead(doc: GraphDocument): Set<string> {
  const text = JSON.stringify(doc.nodes.map((n) => n.config));
  const read = new Set(
    [...text.matchAll(/vars\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ''),
  );
  for (const node of doc.nodes)
    if (node.type === 'flow.setVariables')
      for (const name of Object.keys((node.config as { values: object }).values)) read.delete(name);
  return read;
}

describe('the template catalog', () => {
  it('has the ten templates of docs/templates.md, each in its own folder with a README', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'welcome',
      'role-menu',
      'warnings',
      'auto-moderation',
      'giveaway',
      'ticket-sla',
      'weekly-recap',
      'promo-countdown',
      'scheduled-announcement',
      'leveling',
    ]);
    for (const t of TEMPLATES) {
      expect(existsSync(here(`../${t.id}/README.md`)), `${t.id}/README.md`).toBe(true);
      expect(TEMPLATE_CATEGORIES).toContain(t.category);
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.description.length).toBeGreaterThan(20);
    }
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (id, template) => {
    it('is valid schemaVersion 1 graphs, each with one trigger, first, and its own name', () => {
      expect(template.graph).toBe(template.graphs[0]);
      for (const doc of template.graphs) {
        expect(doc.schemaVersion, doc.name).toBe(1);
        expect(validateGraph(doc), doc.name).toEqual([]);
        const triggers = doc.nodes.filter((n) => getNodeType(n.type)?.kind === 'trigger');
        expect(triggers, doc.name).toHaveLength(1);
        expect(doc.nodes[0], doc.name).toBe(triggers[0]);
        expect(doc.description?.length ?? 0, doc.name).toBeGreaterThan(20);
      }
      expect(new Set(template.graphs.map((doc) => doc.name)).size).toBe(template.graphs.length);
    });

    it('declares exactly the vars its graphs read, with a title and description each', () => {
      const { properties, required } = template.parameters;
      const names = Object.keys(properties);
      // Each graph declares (with its default) exactly the vars it reads; together, all of them.
      for (const doc of template.graphs)
        expect(Object.keys(doc.vars).sort(), doc.name).toEqual([...varsRead(doc)].sort());
      const declared = new Set(template.graphs.flatMap((doc) => Object.keys(doc.vars)));
      expect([...declared].sort()).toEqual([...names].sort());
      for (const [name, p] of Object.entries(properties)) {
        expect(p.title, name).toBeTruthy();
        expect(p.description, name).toBeTruthy();
        // Required exactly when there is no default; the graphs' own vars hold the defaults.
        expect(required.includes(name), name).toBe(p.default === undefined);
        for (const doc of template.graphs)
          if (p.default !== undefined && name in doc.vars)
            expect(doc.vars[name], `${doc.name}: ${name}`).toEqual(p.default);
      }
    });

    it('uses the core patterns for ids, durations, dates and crons', () => {
      for (const [name, p] of Object.entries(template.parameters.properties)) {
        const schema = p.type === 'array' ? (p.items as ParameterSchema) : p;
        const widget = schema['x-widget'];
        if (widget && WIDGET_PATTERNS[widget])
          expect(WIDGET_PATTERNS[widget], `${name} (${widget})`).toContain(schema.pattern);
      }
    });

    it('compiles as a strict JSON Schema whose defaults and example are valid', () => {
      const ajv = new Ajv({ strict: true, allErrors: true, useDefaults: true });
      ajv.addKeyword('x-widget').addKeyword('x-maxDuration');
      const validate = ajv.compile(template.parameters);
      expect(
        validate({ ...template.parameters.examples[0] }),
        ajv.errorsText(validate.errors),
      ).toBe(true);
    });

    it('instantiates its example into valid graphs, with the vars only in `vars`', () => {
      const example = (template.parameters.examples[0] ?? {}) as Record<string, unknown>;
      const result = templateCatalog.tryInstantiate(id, example);
      if (!result.ok) throw new Error(JSON.stringify(result));
      expect(result.graph).toEqual(result.graphs[0]);
      expect(result.graphs).toHaveLength(template.graphs.length);
      result.graphs.forEach((doc, i) => {
        const written = template.graphs[i] as GraphDocument;
        expect(validateGraph(doc), doc.name).toEqual([]);
        for (const [name, value] of Object.entries(example))
          if (name in written.vars) expect(doc.vars[name], name).toEqual(value);
        expect(Object.keys(doc.vars).sort()).toEqual(Object.keys(written.vars).sort());
        // Nothing is pasted into the configs: they still read {{ vars.x }}.
        expect(doc.nodes).toEqual(written.nodes);
        expect(doc.edges).toEqual(written.edges);
      });
    });

    it('has trigger configs the vars resolve when the graphs are published', () => {
      const document = templateCatalog.tryInstantiate(id, template.parameters.examples[0]);
      if (!document.ok) throw new Error(JSON.stringify(document));
      for (const doc of document.graphs) {
        const live = triggerConfigOf({ graphId: 'g', guildId: '1', version: 1, document: doc });
        expect(JSON.stringify(live.config), doc.name).not.toContain('{{');
      }
    });
  });

  it('lists the templates without their graphs for GET /api/templates', () => {
    const listed = templateCatalog.list();
    expect(listed.map((t) => Object.keys(t).sort())).toEqual(
      TEMPLATES.map(() => ['category', 'description', 'graphs', 'id', 'name', 'parameters']),
    );
    expect(listed[0]?.parameters).toEqual(TEMPLATES[0]?.parameters);
    expect(listed.map((t) => t.graphs.length)).toEqual(TEMPLATES.map((t) => t.graphs.length));
  });

  it('gives each template’s graph as written for the gallery’s previews', () => {
    for (const template of TEMPLATES) {
      expect(templateCatalog.graph(template.id)).toEqual(template.graph);
      expect(templateCatalog.graphs(template.id)).toEqual(template.graphs);
    }
    expect(templateCatalog.graph('nope')).toBeUndefined();
    expect(templateCatalog.graphs('nope')).toBeUndefined();
  });

  it('docs/templates.md is generated from the catalog', () => {
    const file = here('../../../docs/templates.md');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect(
      current === renderTemplateReference(TEMPLATES),
      `docs/templates.md is stale: run \`${TEMPLATE_REFERENCE_COMMAND}\`.`,
    ).toBe(true);
  });
});
