/**
 * Writes docs/api/openapi.json from the route table and schemas. Run with
 * `npx tsx engine/src/service/openapi/write-openapi.ts` after changing a route.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi-document.js';

const target = fileURLToPath(new URL('../../../../docs/api/openapi.json', import.meta.url));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
