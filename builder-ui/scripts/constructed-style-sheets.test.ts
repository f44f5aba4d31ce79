import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  constructedStyleSheets,
  patchStyleMod,
  STYLE_ELEMENT_TEST,
} from './constructed-style-sheets.js';

// style-mod as CodeMirror's view resolves it (the copy the build bundles).
const viewRequire = createRequire(createRequire(import.meta.url).resolve('@codemirror/view'));
const source = readFileSync(
  viewRequire.resolve('style-mod').replace(/dist[\\/]style-mod\.cjs$/, 'src/style-mod.js'),
  'utf8',
);

describe('constructed style sheets for CodeMirror', () => {
  it('makes the installed style-mod adopt a constructed sheet on documents, not write a <style>', () => {
    expect(source).toContain(STYLE_ELEMENT_TEST);
    const patched = patchStyleMod(source);
    expect(patched).not.toContain('!root.head');
    expect(patched).toContain('if (root.adoptedStyleSheets && win.CSSStyleSheet)');
  });

  it('applies to style-mod only, and stops the build when style-mod changed shape', () => {
    const plugin = constructedStyleSheets() as { transform(code: string, id: string): unknown };
    expect(plugin.transform('const x = 1;', '/app/node_modules/other/src/index.js')).toBeNull();
    expect(() =>
      plugin.transform(
        'export class StyleModule {}',
        '/app/node_modules/style-mod/src/style-mod.js',
      ),
    ).toThrow(/style-mod no longer reads as expected/);
  });
});
