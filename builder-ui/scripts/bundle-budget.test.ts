import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { EDITOR_SOURCE, measure, overBudget } from './bundle-budget.js';

const dist = mkdtempSync(join(tmpdir(), 'guildflow-budget-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** Incompressible bytes, so gzip sizes are predictable. */
function file(name: string, kib: number): void {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, name), randomBytes(kib * 1024));
}

describe('the bundle budget', () => {
  it('counts the first visit and what the editor adds, shared chunks once', () => {
    file('assets/index.js', 100);
    file('assets/index.css', 4);
    file('assets/react-flow.js', 50);
    file('assets/editor.js', 200);
    file('assets/preview.js', 10);
    mkdirSync(join(dist, '.vite'));
    writeFileSync(
      join(dist, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index.js', isEntry: true, css: ['assets/index.css'] },
        _flow: { file: 'assets/react-flow.js', imports: ['index.html'] },
        [EDITOR_SOURCE]: {
          file: 'assets/editor.js',
          src: EDITOR_SOURCE,
          imports: ['_flow', 'index.html'],
        },
        'src/templates/graph-preview.tsx': { file: 'assets/preview.js', imports: ['_flow'] },
      }),
    );
    const sizes = measure(dist);
    expect(sizes.entryFiles.sort()).toEqual(['assets/index.css', 'assets/index.js']);
    expect(sizes.editorFiles.sort()).toEqual(['assets/editor.js', 'assets/react-flow.js']);
    // Random bytes grow a little under gzip.
    expect(sizes.entryGzipKiB).toBeGreaterThan(104);
    expect(sizes.entryGzipKiB).toBeLessThan(106);
    expect(sizes.editorGzipKiB).toBeGreaterThan(250);
    expect(sizes.editorGzipKiB).toBeLessThan(252);

    expect(overBudget(sizes, { entryGzipKiB: 145, editorGzipKiB: 540 })).toEqual([]);
    const over = overBudget(sizes, { entryGzipKiB: 100, editorGzipKiB: 540 });
    expect(over).toHaveLength(1);
    expect(over[0]).toMatch(
      /^The first visit downloads 10\d\.\d KiB gzipped, over its budget of 100 KiB: load the new code lazily/,
    );
  });

  it('refuses a build where the editor is not a chunk of its own', () => {
    writeFileSync(
      join(dist, '.vite', 'manifest.json'),
      JSON.stringify({ 'index.html': { file: 'assets/index.js', isEntry: true } }),
    );
    expect(() => measure(dist)).toThrow('must lazy-load it');
  });
});
