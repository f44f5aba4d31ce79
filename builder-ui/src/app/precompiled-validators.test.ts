import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NODE_DECLARATIONS, validateGraph, type GraphDocument } from '@guildflow/engine/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { giveawayGraph, welcomeGraph } from '../../../engine/src/core/validation/test-graphs.js';
import { precompiledValidatorsSource } from '../../scripts/precompiled-validators.js';

const engineRequire = createRequire(new URL('../../../engine/package.json', import.meta.url));
const dir = mkdtempSync(join(import.meta.dirname, '.precompiled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Documents with every kind of shape and config problem the validators report. */
function samples(): unknown[] {
  const broken = welcomeGraph();
  broken.nodes[1] = {
    ...broken.nodes[1]!,
    config: { channelId: 'not-a-snowflake', content: '', extra: 1 },
  };
  broken.nodes[2] = { ...broken.nodes[2]!, config: {} };
  return [
    welcomeGraph(),
    giveawayGraph(),
    broken,
    { schemaVersion: 2, name: '', nodes: [{ id: '1bad' }], edges: 'no', vars: {} },
    { ...welcomeGraph(), name: 'x'.repeat(101), extra: true } as unknown as GraphDocument,
  ];
}

describe('validators generated at build time', () => {
  it('give the same issues as compiling at run time, without compiling anything', async () => {
    const expected = samples().map((doc) => validateGraph(doc));
    expect(expected[2]!.length).toBeGreaterThan(2);

    const file = join(dir, 'validators.mjs');
    writeFileSync(file, await precompiledValidatorsSource());
    // Ajv compiling at run time is what the builder's CSP forbids: from here on it must not happen.
    const { default: Ajv } = engineRequire('ajv') as {
      default: { prototype: { compile: () => unknown } };
    };
    const compile = vi.spyOn(Ajv.prototype, 'compile').mockImplementation(() => {
      throw new Error('compiled at run time');
    });
    await import(pathToFileURL(file).href);

    expect(samples().map((doc) => validateGraph(doc))).toEqual(expected);
    expect(compile).not.toHaveBeenCalled();
  });

  it('cover every node type of the catalog', async () => {
    const source = await precompiledValidatorsSource();
    for (const declaration of NODE_DECLARATIONS)
      expect(source).toContain(JSON.stringify(declaration.type));
  });
});
