/**
 * CodeMirror styles its editors through `style-mod`, which writes a `<style>` element into a
 * document (it uses constructed style sheets only inside shadow roots). The service's CSP
 * (`style-src 'self'`) blocks that element: the expression fields would lose CodeMirror's own
 * styles (white space kept as typed, caret, wrapping, tooltips) and the page would log a
 * violation. Style sheets built through the CSSOM (`new CSSStyleSheet`, `insertRule`,
 * `adoptedStyleSheets`) are not governed by CSP, so this build step makes `style-mod` use them
 * for documents too; every browser the builder supports has them.
 */
import type { Plugin } from 'vite';

/** The test in style-mod 4.x that picks a `<style>` element for documents. */
export const STYLE_ELEMENT_TEST = 'if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet)';
const CONSTRUCTED_TEST = 'if (root.adoptedStyleSheets && win.CSSStyleSheet)';

/** style-mod's source with constructed style sheets for documents; throws if it changed shape. */
export function patchStyleMod(code: string): string {
  if (!code.includes(STYLE_ELEMENT_TEST))
    throw new Error(
      'style-mod no longer reads as expected: check how it mounts style sheets and update builder-ui/scripts/constructed-style-sheets.ts (the CSP blocks <style> elements).',
    );
  return code.replace(STYLE_ELEMENT_TEST, CONSTRUCTED_TEST);
}

/**
 * The Vite plugin applying {@link patchStyleMod} to `style-mod` in the build.
 *
 * @example
 * defineConfig({ plugins: [constructedStyleSheets()] });
 */
export function constructedStyleSheets(): Plugin {
  return {
    name: 'guildflow-constructed-style-sheets',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]style-mod[\\/]src[\\/]style-mod\.js$/.test(id)) return null;
      return { code: patchStyleMod(code), map: null };
    },
  };
}
