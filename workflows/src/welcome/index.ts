import { defineTemplate } from '../catalog/define.js';
import graph from './graph.json' with { type: 'json' };
import parameters from './parameters.json' with { type: 'json' };

/**
 * `welcome`: a member joins → a welcome message (mention, member number) in the welcome
 * channel → the Newcomer role. See README.md.
 */
export const welcome = defineTemplate({ id: 'welcome', category: 'onboarding', graph, parameters });
