/**
 * @guildflow/workflows — the prebuilt templates (docs/templates.md: welcome messages, warnings,
 * giveaways, ticket SLAs, weekly recaps and promo countdowns are all just graphs). Each template
 * is a graph document reading `{{ vars.x }}` plus the JSON Schema of those vars; installing one
 * fills the vars and saves the document as a draft the user can change like any graph.
 * See docs/templates.md.
 */
import type { GraphDocument } from '@guildflow/engine/core';
import type {
  InstantiateResult,
  TemplateCatalog,
  TemplateSummary,
} from '@guildflow/engine/service';
import type { Template } from './catalog/define.js';
import { instantiator } from './catalog/instantiate.js';
import { autoModeration } from './auto-moderation/index.js';
import { giveaway } from './giveaway/index.js';
import { leveling } from './leveling/index.js';
import { promoCountdown } from './promo-countdown/index.js';
import { roleMenu } from './role-menu/index.js';
import { scheduledAnnouncement } from './scheduled-announcement/index.js';
import { ticketSla } from './ticket-sla/index.js';
import { warnings } from './warnings/index.js';
import { weeklyRecap } from './weekly-recap/index.js';
import { welcome } from './welcome/index.js';

export {
  TEMPLATE_CATEGORIES,
  defineTemplate,
  type ParameterSchema,
  type ParametersSchema,
  type Template,
  type TemplateCategory,
} from './catalog/define.js';
export { TemplateError, instantiator, widgetProblem } from './catalog/instantiate.js';
export type {
  InstantiateResult,
  TemplateCatalog,
  TemplateSummary,
  VarIssue,
} from '@guildflow/engine/service';
export { giveaway, promoCountdown, ticketSla, warnings, weeklyRecap, welcome };
export { leveling };
export { roleMenu };
export { scheduledAnnouncement };
export { autoModeration };

/**
 * Every prebuilt template, in gallery order.
 *
 * @example
 * TEMPLATES.map((t) => t.id); // ['welcome', 'warnings', 'giveaway', 'ticket-sla', 'weekly-recap', 'promo-countdown']
 */
export const TEMPLATES: readonly Template[] = Object.freeze([
  welcome,
  roleMenu,
  warnings,
  autoModeration,
  giveaway,
  ticketSla,
  weeklyRecap,
  promoCountdown,
  scheduledAnnouncement,
  leveling,
]);

const {
  instantiate: fill,
  instantiateAll: fillAll,
  tryInstantiate: tryFill,
} = instantiator(TEMPLATES);

/**
 * The template with this id, or undefined.
 *
 * @example
 * getTemplate('giveaway')?.parameters.required; // ['hostIds', 'giveawayChannelId']
 */
export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/**
 * The templates as `GET /api/templates` lists them (without their graph documents).
 *
 * @example
 * listTemplates()[0]; // { id: 'welcome', name: 'Welcome & goodbye', description, category: 'onboarding', parameters, graphs: [{ name, trigger }] }
 */
export function listTemplates(): TemplateSummary[] {
  return TEMPLATES.map(({ id, name, description, category, parameters, graphs }) => ({
    id,
    name,
    description,
    category,
    parameters: structuredClone(parameters) as unknown as Record<string, unknown>,
    graphs: graphs.map((doc) => ({ name: doc.name, trigger: doc.nodes[0]?.type ?? '' })),
  }));
}

/**
 * A template's main graph document with `vars` checked against its parameters (defaults filled in)
 * and stored in the document's `vars`; the configs keep reading `{{ vars.x }}`, so no value is
 * ever pasted into a template. Throws {@link TemplateError} (`unknown_template`, or
 * `invalid_vars` with one issue per bad var).
 *
 * @example
 * const doc = instantiate('welcome', { welcomeChannelId: '1300000000000000101', newcomerRoleId: '1300000000000000201' });
 * doc.vars.greeting; // 'Make yourself at home and have a look around.'
 */
export function instantiate(templateId: string, vars: unknown): GraphDocument {
  return fill(templateId, vars);
}

/**
 * Every graph document of a template with the vars filled in, the main one first (what an
 * install saves). Throws like {@link instantiate}.
 *
 * @example
 * instantiateAll('welcome', vars).map((doc) => doc.name); // ['Welcome & goodbye', 'Goodbye', …]
 */
export function instantiateAll(templateId: string, vars: unknown): GraphDocument[] {
  return fillAll(templateId, vars);
}

/**
 * Like {@link instantiate}, but answers a result instead of throwing.
 *
 * @example
 * const result = tryInstantiate('welcome', { welcomeChannelId: 'general' });
 * if (!result.ok && result.error === 'invalid_vars') console.log(result.issues);
 */
export function tryInstantiate(templateId: string, vars: unknown): InstantiateResult {
  return tryFill(templateId, vars);
}

/**
 * The catalog for the engine service (`ServiceDeps.templates`), behind `GET /api/templates`
 * (with `?include=graph`, the graphs as written, for the builder's previews) and
 * `POST /api/guilds/:guildId/templates/:templateId/install`.
 */
export const templateCatalog: TemplateCatalog = Object.freeze({
  list: listTemplates,
  graph: (id: string) => {
    const graph = getTemplate(id)?.graph;
    return graph ? (structuredClone(graph) as GraphDocument) : undefined;
  },
  graphs: (id: string) => {
    const graphs = getTemplate(id)?.graphs;
    return graphs ? (structuredClone(graphs) as GraphDocument[]) : undefined;
  },
  tryInstantiate,
});
