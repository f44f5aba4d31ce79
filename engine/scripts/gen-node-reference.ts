/**
 * Writes docs/nodes.md, the node reference generated from the catalog.
 * Run: npx tsx engine/scripts/gen-node-reference.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderNodeReference } from '../src/core/catalog/reference.js';

const target = fileURLToPath(new URL('../../docs/nodes.md', import.meta.url));
writeFileSync(target, renderNodeReference());
process.stdout.write(`wrote ${target}\n`);
