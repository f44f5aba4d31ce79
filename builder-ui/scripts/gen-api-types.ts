/**
 * Writes src/api/openapi.ts, the API's types generated from docs/api/openapi.json (itself
 * generated from the service's routes and schemas), so the builder has no second copy of them.
 * Run: npm run gen:api -w builder-ui
 */
import { writeFileSync } from 'node:fs';
import { apiTypesSource, API_TYPES_FILE } from './api-types.js';

writeFileSync(API_TYPES_FILE, await apiTypesSource());
process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
