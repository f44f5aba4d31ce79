import { Type } from '@sinclair/typebox';
import { COLORS, OUT } from '../common.js';
import { defineNode } from '../define-node.js';
import { DateTime, Duration, exactlyOneOf } from '../schemas.js';

/**
 * `flow.delay`: waits durably — for a duration or until a date — then continues. Survives
 * restarts; a run's `timeScale` divides the wait.
 *
 * @example
 * // config: { duration: '7d' }   or   { until: '{{ vars.launchAt }}' }
 * // output: { resumedAt }
 */
export const delay = defineNode({
  type: 'flow.delay',
  kind: 'control',
  group: 'Flow',
  title: 'Delay',
  description:
    'Waits for a duration (`30s` … `4w`) or until a date, then continues; waits of days survive restarts. A date in the past continues at once. Set exactly one of `duration` and `until`.',
  config: Type.Object(
    {
      duration: Type.Optional(Duration('How long to wait.')),
      until: Type.Optional(DateTime('Wait until this date.')),
    },
    { additionalProperties: false, oneOf: exactlyOneOf('duration', 'until') },
  ),
  output: Type.Object({ resumedAt: Type.String({ description: 'ISO time the wait ended.' }) }),
  ports: { outputs: OUT },
  ui: {
    icon: 'hourglass',
    color: COLORS.flow,
    fields: { duration: { widget: 'duration', placeholder: '1d' }, until: { widget: 'datetime' } },
  },
  examples: [
    { title: 'A week later', config: { duration: '7d' } },
    { title: 'Until launch', config: { until: '{{ vars.launchAt }}' } },
  ],
});
