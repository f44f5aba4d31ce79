/**
 * The core's validators generated at build time (ajv standalone code), so validateGraph runs in
 * the browser under the service's CSP (`script-src 'self'`, no `'unsafe-eval'`): compiling a
 * JSON Schema at run time means `new Function`, which that policy refuses.
 *
 * The Vite plugin replaces the content of src/app/precompiled-validators.ts (a no-op in
 * tests, where nothing forbids compiling) with the generated module.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

// ajv as the engine resolves it (the core's version; the workspace root may hold another).
const engineRequire = createRequire(
  fileURLToPath(new URL('../../engine/package.json', import.meta.url)),
);

/** The file whose content the build replaces. */
export const PRECOMPILED_VALIDATORS_FILE = fileURLToPath(
  new URL('../src/app/precompiled-validators.ts', import.meta.url),
);

interface AjvLike {
  addSchema(schema: object, key: string): unknown;
}

/**
 * An ES module that hands the core a validator for the graph document and for each node type's
 * config (`usePrecompiledValidators`) when it is imported.
 */
export async function precompiledValidatorsSource(): Promise<string> {
  // Through tsx: the config that loads this plugin runs in plain Node, and the core is TypeScript.
  const { AJV_OPTIONS, GraphDocumentSchema, listNodeTypes } = (await tsImport(
    '@guildflow/engine/core',
    import.meta.url,
  )) as typeof import('@guildflow/engine/core');
  // Typed by hand: the workspace root's `ajv` types are another major version.
  const { default: Ajv } = engineRequire('ajv') as { default: new (options: object) => AjvLike };
  const standaloneCode = (
    engineRequire('ajv/dist/standalone') as {
      default: (ajv: AjvLike, refs: Record<string, string>) => string;
    }
  ).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const exportsById: Record<string, string> = { document: 'gf:document' };
  ajv.addSchema(GraphDocumentSchema as object, 'gf:document');
  const configs: [string, string][] = [];
  listNodeTypes().forEach((declaration, i) => {
    const id = `gf:config:${declaration.type}`;
    // A copy: node types may share one config schema object (trigger.reactionRemoved reuses
    // reactionAdded's), and standalone code would then declare its validator twice.
    ajv.addSchema(structuredClone(declaration.config) as object, id);
    exportsById[`config${i}`] = id;
    configs.push([declaration.type, `config${i}`]);
  });
  let code = standaloneCode(ajv, exportsById);
  // The generated code reads ajv's runtime helpers with require(); make them imports.
  const runtime = new Map<string, string>();
  code = code.replace(/require\("(ajv\/dist\/runtime\/[^"]+)"\)/g, (_: string, name: string) => {
    let local = runtime.get(name);
    if (!local) runtime.set(name, (local = `runtime${runtime.size}`));
    return local;
  });
  // CommonJS interop differs between bundlers: find the function either way.
  const imports = [...runtime].flatMap(([name, local]) => [
    `import * as ${local}_ns from ${JSON.stringify(engineRequire.resolve(name))};`,
    `const ${local} = { default: typeof ${local}_ns.default === 'function' ? ${local}_ns.default : ${local}_ns.default.default };`,
  ]);
  return [
    '// Generated at build time by builder-ui/scripts/precompiled-validators.ts.',
    ...imports,
    "import { usePrecompiledValidators } from '@guildflow/engine/core';",
    code.replace(/^"use strict";/, ''),
    `usePrecompiledValidators({ document, configs: { ${configs
      .map(([type, name]) => `${JSON.stringify(type)}: ${name}`)
      .join(', ')} } });`,
  ].join('\n');
}

/** Vite plugin: serves the generated validators in place of the no-op module. */
export function precompiledValidators(): Plugin {
  let source: Promise<string> | undefined;
  return {
    name: 'guildflow-precompiled-validators',
    load(id) {
      if (id.split('?')[0] !== PRECOMPILED_VALIDATORS_FILE) return null;
      source ??= precompiledValidatorsSource();
      return source;
    },
  };
}
