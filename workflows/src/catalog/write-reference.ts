/**
 * Writes docs/templates.md from the template catalog. Run with
 * `npx tsx workflows/src/catalog/write-reference.ts` after changing a template.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEMPLATES } from '../index.js';
import { renderTemplateReference } from './reference.js';

const target = fileURLToPath(new URL('../../../docs/templates.md', import.meta.url));
writeFileSync(target, renderTemplateReference(TEMPLATES));
process.stdout.write(`wrote ${target}\n`);
