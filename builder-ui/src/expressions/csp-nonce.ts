import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';

/**
 * The page's style nonce, from the `<meta property="csp-nonce">` the service fills per answer
 * (Vite's `html.cspNonce`); undefined where there is none (Vite's dev server, component tests).
 * Browsers hide a nonce attribute's value once parsed: it is read from the `nonce` property.
 */
function pageNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || undefined;
}

/**
 * Gives CodeMirror the page's style nonce: it puts its styles in a `<style>` element, which the
 * service's CSP (`style-src 'self' 'nonce-…'`) applies only with it.
 *
 * @example
 * new EditorView({ extensions: [styleNonce(), …] });
 */
export function styleNonce(): Extension {
  const nonce = pageNonce();
  return nonce ? EditorView.cspNonce.of(nonce) : [];
}
