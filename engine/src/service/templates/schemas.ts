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
    graph: Type.Optional(
      Type.Ref('GraphDocument', {
        description: 'With `?include=graph`: the template’s graph document, vars not filled in.',
      }),
    ),
  },
  { $id: 'TemplateSummary' },
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
