import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `auto-moderation`: removes messages with a banned word, an invite link, too many capitals or
 * the same text repeated too often; each removal appends a warning to the member key
 * `warnings.list` (the warnings template's contract), DMs the member and logs a mod-log embed.
 * See README.md.
 */
export const autoModeration = defineTemplate({
  id: 'auto-moderation',
  category: 'moderation',
  graph,
  parameters,
});
