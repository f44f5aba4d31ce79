import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { schemaOfSample } from '../sample-schema.js';

/**
 * `trigger.manual`: starts a run on demand (the builder's test run, `POST …/runs`, or a parent
 * graph's `flow.runGraph`); its payload is whatever the run was given.
 *
 * @example
 * // config: { samplePayload: { member: { id: '1', username: 'ada', mention: '<@1>' } } }
 * getNodeType('trigger.manual') === manual;
 */
export const manual = defineNode({
  type: 'trigger.manual',
  kind: 'trigger',
  group: 'Triggers',
  title: 'Manual run',
  description:
    'Starts when run by hand (a test run in the builder, `POST …/runs`) or by another graph’s `flow.runGraph`. The payload is whatever the run was given; `samplePayload` is the default for test runs.',
  config: Type.Object(
    {
      samplePayload: Type.Optional(
        Type.Unknown({
          description: 'Payload used for test runs when none is given (JSON, kept literal).',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  output: Type.Unknown({ description: 'The payload given to the run.' }),
  // The sample is the best guess of what runs will be given.
  outputFor: (config) =>
    config.samplePayload === undefined
      ? Type.Unknown({ description: 'The payload given to the run.' })
      : schemaOfSample(config.samplePayload),
  ports: { outputs: OUT },
  literal: ['samplePayload'],
  ui: { icon: 'play', color: COLORS.trigger, fields: { samplePayload: { widget: 'json' } } },
  examples: [
    { title: 'No payload', config: {} },
    {
      title: 'With a sample member',
      config: {
        samplePayload: {
          member: { id: '1098765432101234567', username: 'ada', mention: '<@1098765432101234567>' },
        },
      },
    },
  ],
});
