import type { Answer, Operation } from './operation.js';

const PINS = '/api/guilds/{guildId}/graphs/{graphId}/pins';
const notFound: Answer = [
  404,
  'Error',
  '`not_found`: no such graph (or node in its draft, or pin) in this guild, or a guild you may not manage.',
];

/**
 * The pinned data routes: test data that simulated runs use instead of executing a node.
 *
 * @example
 * [...OPERATIONS, ...PIN_OPERATIONS];
 */
export const PIN_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: PINS,
    summary: 'The graph’s pinned node outputs',
    description:
      'Pins are test data kept beside the graph, not in its document (no version holds them). A simulated run (every run of the draft; a run of the published version with `simulate: true`) does not execute a pinned node: its step completes with the pinned output and port and `pinned: true`. Runs that are not simulated never use pins — the engine ignores them.',
    answers: [[200, 'PinList', 'The pins, by node id.'], notFound],
  },
  {
    method: 'put',
    path: `${PINS}/{nodeId}`,
    summary: 'Pin a node’s output (typed, or copied from a run)',
    description:
      'The node must be an action of the draft (Discord, data, HTTP, Stripe): a trigger’s output is the run’s payload and flow nodes decide the path, so neither can be pinned. `{ output, port? }` pins a typed output (at most 64 KiB of JSON; a graph’s pins at most 512 KiB) leaving by `port` (one of the node’s ports, default its first); `{ fromRun }` copies the output and port of the node’s last finished step in that run of this graph (outputs the step log keeps only as a preview, over 2,000 characters of JSON, cannot be copied). Replaces the node’s pin.',
    body: 'PinBody',
    answers: [
      [200, 'Pin', 'Pinned.'],
      [
        400,
        'Error',
        '`not_pinnable` (a trigger or flow node, or a run without a usable step of the node) or `invalid_request` (neither or both of output/fromRun, a port that is not the node’s, too large).',
      ],
      [
        404,
        'Error',
        '`not_found`: no such graph, node in its draft or run of this graph in this guild.',
      ],
      [
        503,
        'Error',
        '`temporal_unavailable` (reading the run of `fromRun`) or `store_unavailable`; nothing was changed.',
      ],
    ],
  },
  {
    method: 'delete',
    path: `${PINS}/{nodeId}`,
    summary: 'Unpin a node',
    answers: [[204, null, 'Unpinned: test runs execute the node again.'], notFound],
  },
];
