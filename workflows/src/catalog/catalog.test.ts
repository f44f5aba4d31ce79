import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CRON_PATTERN,
  DATE_TIME_PATTERN,
  DURATION_PATTERN,
  SNOWFLAKE_PATTERN,
  getNodeType,
  validateGraph,
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

/** Every `vars.<name>` the graph's configs read. */
function varsRead(template: (typeof TEMPLATES)[number]): Set<string> {
  const text = JSON.stringify(template.graph.nodes.map((n) => n.config));
  return new Set([...text.matchAll(/vars\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ''));
}

/** Names set during a run by flow.setVariables (not installer vars). */
function runVariables(template: (typeof TEMPLATES)[number]): Set<string> {
  return new Set(
    template.graph.nodes
      .filter((n) => n.type === 'flow.setVariables')
      .flatMap((n) => Object.keys((n.config as { values: object }).values)),
  );
}

describe('the template catalog', () => {
  it('has the six templates of docs/templates.md, each in its own folder with a README', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'welcome',
      'warnings',
      'giveaway',
      'ticket-sla',
      'weekly-recap',
      'promo-countdown',
    ]);
    for (const t of TEMPLATES) {
      expect(existsSync(here(`../${t.id}/README.md`)), `${t.id}/README.md`).toBe(true);
      expect(TEMPLATE_CATEGORIES).toContain(t.category);
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.description.length).toBeGreaterThan(20);
    }
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (id, template) => {
    it('is a valid schemaVersion 1 graph with one trigger, first', () => {
      expect(template.graph.schemaVersion).toBe(1);
      expect(validateGraph(template.graph)).toEqual([]);
      const triggers = template.graph.nodes.filter((n) => getNodeType(n.type)?.kind === 'trigger');
      expect(triggers).toHaveLength(1);
      expect(template.graph.nodes[0]).toBe(triggers[0]);
    });

    it('declares exactly the vars its graph reads, with a title and description each', () => {
      const { properties, required } = template.parameters;
      const names = Object.keys(properties);
      expect(Object.keys(template.graph.vars).sort()).toEqual([...names].sort());
      const read = varsRead(template);
      for (const name of runVariables(template)) read.delete(name);
      expect([...read].sort()).toEqual([...names].sort());
      for (const [name, p] of Object.entries(properties)) {
        expect(p.title, name).toBeTruthy();
        expect(p.description, name).toBeTruthy();
        // Required exactly when there is no default; the graph's own vars hold the defaults.
        expect(required.includes(name), name).toBe(p.default === undefined);
        if (p.default !== undefined) expect(template.graph.vars[name], name).toEqual(p.default);
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

    it('instantiates its example into a valid graph, with the vars only in `vars`', () => {
      const example = template.parameters.examples[0] ?? {};
      const result = templateCatalog.tryInstantiate(id, example);
      if (!result.ok) throw new Error(JSON.stringify(result));
      expect(validateGraph(result.graph)).toEqual([]);
      expect(result.graph.vars).toMatchObject(example);
      // Nothing is pasted into the configs: they still read {{ vars.x }}.
      expect(result.graph.nodes).toEqual(template.graph.nodes);
      expect(result.graph.edges).toEqual(template.graph.edges);
    });

    it('has a trigger config the vars resolve when the graph is published', () => {
      const document = templateCatalog.tryInstantiate(id, template.parameters.examples[0]);
      if (!document.ok) throw new Error(JSON.stringify(document));
      const live = triggerConfigOf({
        graphId: 'g',
        guildId: '1',
        version: 1,
        document: document.graph,
      });
      expect(JSON.stringify(live.config)).not.toContain('{{');
    });
  });

  it('lists the templates without their graphs for GET /api/templates', () => {
    const listed = templateCatalog.list();
    expect(listed.map((t) => Object.keys(t).sort())).toEqual(
      TEMPLATES.map(() => ['category', 'description', 'id', 'name', 'parameters']),
    );
    expect(listed[0]?.parameters).toEqual(TEMPLATES[0]?.parameters);
  });

  it('gives each template’s graph as written for the gallery’s previews', () => {
    for (const template of TEMPLATES)
      expect(templateCatalog.graph(template.id)).toEqual(template.graph);
    expect(templateCatalog.graph('nope')).toBeUndefined();
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
