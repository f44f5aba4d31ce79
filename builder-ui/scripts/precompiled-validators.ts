/**
 * The engine core's validators compiled ahead of time, for the browser. The core compiles its
 * JSON Schemas with ajv on first use, and ajv compiles to code (`new Function`), which the
 * service's Content-Security-Policy (`script-src 'self'`, no `unsafe-eval`) forbids in the
 * browser. The builder's build swaps the core's compiled-schemas module for this source (see
 * vite-precompiled-validators.ts): the same
 * schemas and ajv options, compiled here into plain code (ajv's standalone mode), with the same
 * two functions — so validation, its errors and its messages are the same in the browser.
 */
import { createRequire } from 'node:module';
import { AJV_OPTIONS, GraphDocumentSchema, listNodeTypes } from '@guildflow/engine/core';

// ajv 8 as the engine has it (the repository root holds an older one for other tools); typed
// here by the little this script uses.
interface AjvInstance {
  addSchema(schema: unknown, key: string): unknown;
}
const engineRequire = createRequire(import.meta.resolve('@guildflow/engine/core'));
const Ajv = (engineRequire('ajv') as { default: new (options: object) => AjvInstance }).default;
const standaloneCode = (
  engineRequire('ajv/dist/standalone') as {
    default: (ajv: AjvInstance, refs: Record<string, string>) => string;
  }
).default;

/**
 * The source of a module exporting `graphDocumentValidator()` and `configValidator(declaration)`
 * over validators compiled now, for every node type of the catalog.
 *
 * @example
 * writeFileSync('validators.mjs', precompiledValidatorsSource());
 */
export function precompiledValidatorsSource(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const exports: Record<string, string> = { graphDocument: 'graph-document' };
  ajv.addSchema(GraphDocumentSchema, 'graph-document');
  const types = listNodeTypes().map((node) => node.type);
  listNodeTypes().forEach((node, index) => {
    ajv.addSchema(node.config, `config:${node.type}`);
    exports[`config${index}`] = `config:${node.type}`;
  });
  const code = standaloneCode(ajv, exports)
    .replace(/^"use strict";/, '')
    // Standalone ESM still reaches ajv's runtime helpers with require(): import them instead.
    .replace(
      /require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g,
      (_match: string, name: string) => `runtime_${name}`,
    );
  const helpers = [...new Set([...code.matchAll(/runtime_(\w+)/g)].map((m) => m[1]))];
  return [
    '// Generated at build time by builder-ui/scripts/precompiled-validators.ts: do not edit.',
    ...helpers.map((name) => `import runtime_${name}_module from 'ajv/dist/runtime/${name}.js';`),
    ...helpers.map(
      (name) => `const runtime_${name} = runtime_${name}_module.default ?? runtime_${name}_module;`,
    ),
    code,
    `const configs = {${types.map((type, index) => `${JSON.stringify(type)}: config${index}`).join(', ')}};`,
    'export const AJV_OPTIONS = Object.freeze(' + JSON.stringify(AJV_OPTIONS) + ');',
    'export function graphDocumentValidator() { return graphDocument; }',
    'export function configValidator(declaration) {',
    '  const validate = configs[declaration.type];',
    '  if (!validate) throw new Error(`No validator was compiled for ${declaration.type}: rebuild the builder.`);',
    '  return validate;',
    '}',
    '',
  ].join('\n');
}

// `tsx scripts/precompiled-validators.ts` prints the module (the Vite plugin runs it so).
if (process.argv[1] && import.meta.filename === process.argv[1])
  process.stdout.write(precompiledValidatorsSource());
