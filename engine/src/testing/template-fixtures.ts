import Ajv, { type ErrorObject } from 'ajv';
import { readableErrors, type GraphDocument } from '../core/index.js';
import type {
  InstantiateResult,
  TemplateCatalog,
  TemplateSummary,
  VarIssue,
} from '../service/templates/template-catalog.js';
import { graph } from './graph-fixture.js';

// The engine cannot import @guildflow/workflows (it depends on the engine): route tests use this
// small catalog of the same shape instead.
const CHANNEL_PARAMETERS = {
  type: 'object',
  properties: {
    channelId: {
      type: 'string',
      title: 'Channel',
      description: 'Where to post.',
      pattern: '^[0-9]{1,20}$',
      'x-widget': 'channel',
    },
    text: { type: 'string', title: 'Text', default: 'hello', maxLength: 200 },
  },
  required: ['channelId'],
  additionalProperties: false,
};

const greeter = (name: string): GraphDocument => ({
  ...graph(
    [
      ['t', 'trigger.manual'],
      [
        'send',
        'discord.sendMessage',
        { channelId: '{{ vars.channelId }}', content: '{{ vars.text }}' },
      ],
    ],
    [['t', 'out', 'send']],
    { channelId: '', text: 'hello' },
  ),
  name,
});
const MANUAL = [{ name: 'Greeter', trigger: 'trigger.manual' }];

const TEMPLATES: { summary: TemplateSummary; docs: GraphDocument[] }[] = [
  {
    summary: {
      id: 'greeter',
      name: 'Greeter',
      description: 'Posts a text in a channel when run.',
      category: 'test',
      parameters: CHANNEL_PARAMETERS,
      graphs: MANUAL,
    },
    docs: [greeter('Greeter')],
  },
  {
    summary: {
      id: 'pair',
      name: 'Greeter pair',
      description: 'Two graphs installed together with the same vars.',
      category: 'test',
      parameters: CHANNEL_PARAMETERS,
      graphs: [...MANUAL, { name: 'Second greeter', trigger: 'trigger.manual' }],
    },
    docs: [greeter('Greeter'), greeter('Second greeter')],
  },
  {
    summary: {
      id: 'relay',
      name: 'Webhook relay',
      description: 'Posts what a webhook sends.',
      category: 'test',
      parameters: CHANNEL_PARAMETERS,
      graphs: [{ name: 'Webhook relay', trigger: 'trigger.webhook' }],
    },
    docs: [
      {
        ...graph(
          [
            ['t', 'trigger.webhook'],
            [
              'send',
              'discord.sendMessage',
              { channelId: '{{ vars.channelId }}', content: '{{ trigger.body.text }}' },
            ],
          ],
          [['t', 'out', 'send']],
          { channelId: '', text: 'hello' },
        ),
        name: 'Webhook relay',
      },
    ],
  },
];

/**
 * A small catalog (`greeter`: manual → send `vars.text` to `vars.channelId`; `pair`: two such
 * graphs installed together; `relay`: the same from a webhook) for the service's template route
 * tests.
 */
export function testTemplates(): TemplateCatalog {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
  const validate = ajv.compile(CHANNEL_PARAMETERS);
  return {
    list: () => TEMPLATES.map((t) => t.summary),
    graph: (templateId) => TEMPLATES.find((t) => t.summary.id === templateId)?.docs[0],
    graphs: (templateId) => TEMPLATES.find((t) => t.summary.id === templateId)?.docs,
    tryInstantiate(templateId, vars): InstantiateResult {
      const template = TEMPLATES.find((t) => t.summary.id === templateId);
      if (!template) return { ok: false, error: 'unknown_template' };
      const copy: unknown = structuredClone(vars);
      if (!validate(copy))
        return { ok: false, error: 'invalid_vars', issues: issuesOf(validate.errors ?? []) };
      const graphs = template.docs.map((doc) => ({
        ...doc,
        vars: { ...doc.vars, ...(copy as object) },
      }));
      return { ok: true, graph: graphs[0] as GraphDocument, graphs };
    },
  };
}

/** The vars' problems in the shared wording of validation errors (as the real catalog words them). */
function issuesOf(errors: ErrorObject[]): VarIssue[] {
  return readableErrors(errors, { root: 'vars' }).map(({ path, message }) => ({
    var: /^[^.[]*/.exec(path)?.[0] ?? '',
    path: path ? `vars.${path}` : 'vars',
    message,
  }));
}
