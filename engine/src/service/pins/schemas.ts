import { Type, type Static } from '@sinclair/typebox';

/** Largest pinned output, as JSON. */
export const MAX_PIN_BYTES = 64 * 1024;
/** Largest total of a graph's pins, as JSON: every test run carries them in its input. */
export const MAX_GRAPH_PIN_BYTES = 512 * 1024;

/**
 * Body of `PUT …/graphs/:graphId/pins/:nodeId`: a typed output (and port), or a past run's step
 * to copy — one of the two.
 *
 * @example
 * { output: { messageId: '1' } }
 * { fromRun: 'run_abc' }
 */
export const PinBodySchema = Type.Object(
  {
    output: Type.Optional(
      Type.Unknown({
        description: `The output test runs use for this node (JSON, at most ${MAX_PIN_BYTES / 1024} KiB). Not with \`fromRun\`.`,
      }),
    ),
    port: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'The output port the node leaves by: one of its ports (e.g. `out` or `error`); default its first port.',
      }),
    ),
    fromRun: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Copy the output and port of this node’s step in that run (a run of this graph in this guild). Not with `output`.',
      }),
    ),
  },
  { additionalProperties: false, $id: 'PinBody' },
);
export type PinBody = Static<typeof PinBodySchema>;

/** One pinned node output. */
export const PinSchema = Type.Object(
  {
    nodeId: Type.String(),
    output: Type.Unknown({ description: 'The pinned output.' }),
    port: Type.String({ description: 'The output port a test run takes after the node.' }),
    pinnedAt: Type.String({ format: 'date-time' }),
    pinnedBy: Type.String({ description: 'Who pinned it: `admin` or a Discord user id.' }),
  },
  { $id: 'Pin' },
);

/** `GET …/graphs/:graphId/pins`. */
export const PinListSchema = Type.Object(
  {
    pins: Type.Array(Type.Ref('Pin'), {
      description:
        'The graph’s pinned nodes (the canvas marks them). Simulated runs use them instead of executing those nodes; other runs never do.',
    }),
  },
  { $id: 'PinList' },
);
