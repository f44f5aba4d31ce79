import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  configValidator,
  graphDocumentValidator,
  listNodeTypes,
  type GraphDocument,
} from '@guildflow/engine/core';
import { precompiledValidatorsSource } from './precompiled-validators.js';

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
interface Precompiled {
  graphDocumentValidator(): Validate;
  configValidator(declaration: { type: string }): Validate;
}

const dir = mkdtempSync(join(tmpdir(), 'guildflow-validators-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The generated module, loaded from a temp file (ajv's runtime helpers found in the engine's ajv). */
async function loadPrecompiled(): Promise<Precompiled> {
  const engineRequire = createRequire(import.meta.resolve('@guildflow/engine/core'));
  const ajvDir = dirname(engineRequire.resolve('ajv/package.json'));
  const source = precompiledValidatorsSource().replaceAll(
    "from 'ajv/dist/runtime/",
    `from '${pathToFileURL(ajvDir).href}/dist/runtime/`,
  );
  const file = join(dir, 'validators.mjs');
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as Precompiled;
}

/** Configs that fail in different ways: empty, unknown field, every string field a number. */
function badConfigs(example: Record<string, unknown>): Record<string, unknown>[] {
  const numbers = Object.fromEntries(
    Object.entries(example).map(([key, value]) => [key, typeof value === 'string' ? 12345 : value]),
  );
  return [{}, { ...example, zzz: 1 }, numbers, { ...example, buttons: [{ label: 5 }] }];
}

describe('validators compiled at build time', () => {
  it('accept and refuse exactly what the core’s run-time validators do, with the same errors', async () => {
    const precompiled = await loadPrecompiled();
    let compared = 0;
    for (const declaration of listNodeTypes()) {
      const examples = (declaration.examples ?? []).map((e) => e.config);
      for (const config of [...examples, ...examples.flatMap(badConfigs), {}]) {
        const runtime = configValidator(declaration) as unknown as Validate;
        const built = precompiled.configValidator(declaration);
        expect(built(config), `${declaration.type} ${JSON.stringify(config)}`).toBe(
          runtime(config),
        );
        expect(JSON.stringify(built.errors)).toBe(JSON.stringify(runtime.errors));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(listNodeTypes().length * 3);

    const doc: GraphDocument = {
      schemaVersion: 1,
      name: 'x',
      nodes: [{ id: 't', type: 'trigger.manual', position: { x: 0, y: 0 }, config: {} }],
      edges: [],
      vars: {},
    };
    for (const candidate of [doc, { ...doc, nodes: [{ id: 1 }] }, { nope: true }, []]) {
      const runtime = graphDocumentValidator() as unknown as Validate;
      const built = precompiled.graphDocumentValidator();
      expect(built(candidate)).toBe(runtime(candidate));
      expect(JSON.stringify(built.errors)).toBe(JSON.stringify(runtime.errors));
    }
  });

  it('name a node type the build did not know', async () => {
    const precompiled = await loadPrecompiled();
    expect(() => precompiled.configValidator({ type: 'custom.node' })).toThrow(
      'No validator was compiled for custom.node: rebuild the builder.',
    );
  });
});
