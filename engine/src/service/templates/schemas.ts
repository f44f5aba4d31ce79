import { Type, type Static } from '@sinclair/typebox';

/**
 * One template of `GET /api/templates`.
 *
 * @example
 * { id: 'welcome', name: 'Welcome new members', description: '…', category: 'community', parameters: { type: 'object', … } }
 */
export const TemplateSummarySchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    category: Type.String(),
    parameters: Type.Record(Type.String(), Type.Unknown(), {
      description:
        'JSON Schema of the install body’s `vars`: titles, descriptions, defaults, and `x-widget` hints (`channel`, `role`, `duration`, …) for the form.',
    }),
    graphs: Type.Array(
      Type.Object({ name: Type.String(), trigger: Type.String() }, { additionalProperties: false }),
      {
        description:
          'The graphs an install creates, the main one first (a feature with several triggers — join and leave, /warn and /unwarn — is several graphs sharing the same vars).',
      },
    ),
    graph: Type.Optional(
      Type.Ref('GraphDocument', {
        description:
          'With `?include=graph`: the template’s main graph document, vars not filled in.',
      }),
    ),
    documents: Type.Optional(
      Type.Array(Type.Ref('GraphDocument'), {
        description:
          'With `?include=graph`: every graph document the template installs (the main one first), vars not filled in.',
      }),
    ),
  },
  { $id: 'TemplateSummary' },
);

/**
 * `POST …/templates/:templateId/install`: the main graph's resource, and every graph the install
 * created (the main one first).
 *
 * @example
 * { id: 'g_…', name: 'Welcome & goodbye', draft: { … }, installed: [{ id: 'g_…', name: 'Welcome & goodbye', trigger: 'trigger.memberJoined' }, …] }
 */
export const TemplateInstallAnswerSchema = Type.Intersect(
  [
    Type.Ref('GraphResource'),
    Type.Object({
      installed: Type.Array(
        Type.Object(
          { id: Type.String(), name: Type.String(), trigger: Type.String() },
          { additionalProperties: false },
        ),
        {
          description:
            'Every graph this install created, the main one (this resource) first; each is a draft to publish.',
        },
      ),
    }),
  ],
  { $id: 'TemplateInstallAnswer' },
);

/**
 * `GET /api/templates`.
 *
 * @example
 * { templates: [{ id: 'welcome', … }] }
 */
export const TemplateListSchema = Type.Object(
  { templates: Type.Array(Type.Ref('TemplateSummary')) },
  { $id: 'TemplateList' },
);

/** Query of `GET /api/templates`. */
export const TemplateListQuerySchema = Type.Object(
  { include: Type.Optional(Type.Literal('graph')) },
  { additionalProperties: false },
);

/**
 * Body of `POST /api/guilds/:guildId/templates/:templateId/install`.
 *
 * @example
 * { vars: { welcomeChannelId: '1300000000000000101', newcomerRoleId: '1300000000000000201' } }
 */
export const TemplateInstallBodySchema = Type.Object(
  {
    vars: Type.Record(Type.String(), Type.Unknown(), {
      default: {},
      description: 'Values of the template’s parameters; omitted ones take their defaults.',
    }),
  },
  { additionalProperties: false, $id: 'TemplateInstallBody' },
);
/** The install body, as validated. */
export type TemplateInstallBody = Static<typeof TemplateInstallBodySchema>;
