import { defineTemplate } from '../catalog/define.js';
import clicks from './clicks.graph.json' with { type: 'json' };
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `role-menu`: /role-menu posts a message with one button per role; `Role menu clicks` gives and
 * takes the roles (toggle, pick one, verify), checks the required role and answers the click
 * privately. See README.md.
 */
export const roleMenu = defineTemplate({
  id: 'role-menu',
  category: 'onboarding',
  graph,
  companions: [clicks],
  parameters,
});
