import type { TSchema } from '@sinclair/typebox';
import { GraphDocumentSchema } from '../../core/index.js';
import * as authSchemas from '../auth/schemas.js';
import * as billingSchemas from '../billing/schemas.js';
import * as credentialSchemas from '../credentials/schemas.js';
import * as graphSchemas from '../graphs/schemas.js';
import * as preflightSchemas from '../graphs/preflight/schemas.js';
import * as guildSchemas from '../guilds/schemas.js';
import * as hookSchemas from '../hooks/schemas.js';
import * as pinSchemas from '../pins/schemas.js';
import * as runSchemas from '../runs/schemas.js';
import * as sandboxSchemas from '../sandbox/schemas.js';
import * as stripeSchemas from '../stripe/schemas.js';
import * as templateSchemas from '../templates/schemas.js';
import { CatalogSchema, ErrorSchema, HealthSchema, WebhookSecretSchema } from './common-schemas.js';
import { BILLING_OPERATIONS } from './billing-operations.js';
import { BUILDER_OPERATIONS } from './builder-operations.js';
import { CREDENTIAL_OPERATIONS } from './credential-operations.js';
import type { Operation } from './operation.js';
import { OPERATIONS } from './operations.js';
import { PIN_OPERATIONS } from './pin-operations.js';

/** The command that regenerates docs/api/openapi.json (a test fails when the file is stale). */
export const OPENAPI_COMMAND = 'npx tsx engine/src/service/openapi/write-openapi.ts';

/** The component schemas, by name: the route schemas plus the graph document. */
function components(): Record<string, unknown> {
  const named: Record<string, TSchema> = { GraphDocument: GraphDocumentSchema };
  for (const schema of [
    ...Object.values(graphSchemas),
    ...Object.values(preflightSchemas),
    ...Object.values(guildSchemas),
    ...Object.values(runSchemas),
    ...Object.values(pinSchemas),
    ...Object.values(credentialSchemas),
    ...Object.values(authSchemas),
    ...Object.values(sandboxSchemas),
    ...Object.values(stripeSchemas),
    ...Object.values(billingSchemas),
    ...Object.values(hookSchemas),
    ...Object.values(templateSchemas),
    ErrorSchema,
    HealthSchema,
    CatalogSchema,
    WebhookSecretSchema,
  ]) {
    if (
      typeof schema === 'object' &&
      schema !== null &&
      typeof (schema as TSchema).$id === 'string'
    )
      named[(schema as TSchema).$id as string] = schema as TSchema;
  }
  return Object.fromEntries(
    Object.entries(named)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, schema]) => [name, toOpenApi(schema)]),
  );
}

/** Plain JSON of a TypeBox schema, with `$id`s dropped and bare refs pointed at the components. */
function toOpenApi(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) => {
    if (key === '$id') return undefined;
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#'))
      return `#/components/schemas/${value}`;
    return value;
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function operation(op: Operation): Record<string, unknown> {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: name === 'version' ? 'integer' : 'string' },
  }));
  const query = (op.query ?? []).map((q) => ({
    name: q.name,
    in: 'query',
    required: false,
    description: q.description,
    schema: q.schema,
  }));
  const headers = (op.headers ?? []).map((h) => ({
    name: h.name,
    in: 'header',
    required: h.required ?? false,
    description: h.description,
    schema: { type: 'string' },
  }));
  // Every change of an existing graph may carry If-Match; creating and reading cannot.
  const changesGraph = op.etag && op.method !== 'get' && op.path.includes('{graphId}');
  const ifMatch = changesGraph
    ? [
        {
          name: 'If-Match',
          in: 'header',
          required: false,
          schema: { type: 'string' },
          description: 'Act only if the graph is still at this ETag, e.g. `"3"`; else 412.',
        },
      ]
    : [];
  const responses: Record<string, unknown> = {};
  for (const [status, schema, description] of op.answers) {
    responses[String(status)] = {
      description,
      ...(schema ? { content: { 'application/json': { schema: ref(schema) } } } : {}),
      ...(op.events && status < 300 ? { content: eventStream(op.events) } : {}),
      ...(op.etag && status < 300 && schema
        ? {
            headers: { ETag: { schema: { type: 'string' }, description: 'The revision, quoted.' } },
          }
        : {}),
    };
  }
  if (!op.public) {
    const error = { content: { 'application/json': { schema: ref('Error') } } };
    responses['401'] = {
      description:
        '`unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again).',
      ...error,
    };
    responses['429'] = {
      description:
        '`rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry.',
      ...error,
    };
    // Any signed-in user's request may meet this, whatever the route.
    const unconfirmed =
      '`discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later.';
    const own = responses['503'] as { description: string } | undefined;
    responses['503'] = own
      ? { ...own, description: `${own.description} Or ${unconfirmed}` }
      : { description: unconfirmed, ...error };
  }
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(params.length + query.length + headers.length + ifMatch.length
      ? { parameters: [...params, ...query, ...headers, ...ifMatch] }
      : {}),
    ...(op.body
      ? {
          requestBody: {
            required: op.body !== 'RunStartBody',
            content: { 'application/json': { schema: ref(op.body) } },
          },
        }
      : {}),
    ...(op.rawBody
      ? {
          requestBody: {
            required: false,
            description: op.rawBody,
            content: { '*/*': { schema: {} } },
          },
        }
      : {}),
    responses,
    ...(op.public ? { security: [] } : {}),
  };
}

/** A `text/event-stream` answer: its events by name, each with the schema of its JSON data. */
function eventStream(events: Record<string, string>): Record<string, unknown> {
  return {
    'text/event-stream': {
      schema: { type: 'string' },
      'x-events': Object.fromEntries(
        Object.entries(events).map(([name, schema]) => [name, ref(schema)]),
      ),
    },
  };
}

/**
 * The OpenAPI 3.1 description of the public HTTP API, built from the route table and the
 * TypeBox schemas the routes validate with — so the document cannot drift from the code.
 *
 * @example
 * writeFileSync('docs/api/openapi.json', `${JSON.stringify(openApiDocument(), null, 2)}\n`);
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of [
    ...OPERATIONS,
    ...PIN_OPERATIONS,
    ...CREDENTIAL_OPERATIONS,
    ...BILLING_OPERATIONS,
    ...BUILDER_OPERATIONS,
  ])
    (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Guildflow API',
      version: '1',
      description:
        'The public HTTP API of the Guildflow engine (docs/api/README.md explains it). Send `Authorization: Bearer <token>`: the admin token, or a session token from signing in. Every error is `{ error: { code, message, details? } }` with a stable `code`. Another guild’s resources answer 404.',
    },
    servers: [{ url: 'http://localhost:3000' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: components(),
    },
  };
}
