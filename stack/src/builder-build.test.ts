import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builderFingerprint } from './builder-build.js';

const root = mkdtempSync(join(tmpdir(), 'guildflow-fingerprint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('the builder build fingerprint', () => {
  it('changes with the builder’s sources, the engine core and the lock file, not with tests', () => {
    write('builder-ui/src/app/app.tsx', 'export const a = 1;');
    write('builder-ui/package.json', '{}');
    write('engine/src/core/index.ts', 'export {};');
    write('package-lock.json', '{}');
    const first = builderFingerprint(root);
    expect(builderFingerprint(root)).toBe(first);

    write('builder-ui/src/app/app.test.tsx', 'test');
    write('builder-ui/src/e2e/list.test.ts', 'test');
    write('builder-ui/src/e2e/harness.ts', 'harness');
    write('engine/src/core/index.test.ts', 'test');
    write('engine/src/service/app.ts', 'the service is not bundled');
    expect(builderFingerprint(root)).toBe(first);

    const changes: [string, string][] = [
      ['builder-ui/src/app/app.tsx', 'export const a = 2;'],
      ['engine/src/core/index.ts', 'export const b = 1;'],
      ['package-lock.json', '{"v":2}'],
      ['builder-ui/src/ui/new-file.css', 'a {}'],
    ];
    let previous = first;
    for (const [path, text] of changes) {
      write(path, text);
      const next = builderFingerprint(root);
      expect(next, path).not.toBe(previous);
      previous = next;
    }
  });
});
