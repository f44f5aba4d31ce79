import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NODE_REFERENCE_COMMAND, renderNodeReference } from './reference.js';
import { listNodeTypes } from './registry.js';

const DOC = fileURLToPath(new URL('../../../../docs/nodes.md', import.meta.url));

describe('docs/nodes.md', () => {
  it('is the reference generated from the catalog', () => {
    let current = '';
    try {
      current = readFileSync(DOC, 'utf8');
    } catch {
      // reported below
    }
    const expected = renderNodeReference();
    expect(
      current === expected,
      `docs/nodes.md is out of date with the catalog: run \`${NODE_REFERENCE_COMMAND}\` and commit the result.`,
    ).toBe(true);
  });

  it('documents every node type and is deterministic', () => {
    const text = renderNodeReference();
    for (const d of listNodeTypes()) expect(text).toContain(`### \`${d.type}\``);
    expect(renderNodeReference()).toBe(text);
  });
});
