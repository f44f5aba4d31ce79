import type { Page } from 'playwright-core';

/** One stop of the focus while tabbing through a page. */
export interface FocusStop {
  /** `button "Undo"`, `combobox "Channel"`… (tag when it has no role). */
  what: string;
  /** The landmark or labelled region it sits in (`Node palette`, `Selected node`…). */
  region: string;
  /** The focus indicator: an outline or a shadow on it or an element wrapping it. */
  ringVisible: boolean;
  /** Not covered and inside the viewport once focused (the browser scrolls it there). */
  onScreen: boolean;
  /** Its mark from {@link markControls}, when it was marked. */
  mark: string | null;
}

/** What a control of the page is, for messages. */
export interface Control {
  mark: string;
  what: string;
  region: string;
}

// Names a control in the page (installed there as a string: the page's CSP forbids compiling).
const DESCRIBE = `(el) => {
  const role = el.getAttribute('role') || { A: 'link', BUTTON: 'button', SELECT: 'combobox', TEXTAREA: 'textbox' }[el.tagName] || (el.tagName === 'INPUT' ? (el.type === 'checkbox' ? 'checkbox' : el.type === 'search' ? 'searchbox' : 'textbox') : el.tagName.toLowerCase());
  const labelled = el.getAttribute('aria-labelledby');
  const name = (el.getAttribute('aria-label') || (labelled && labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')) || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent || el.getAttribute('title') || el.getAttribute('placeholder') || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  const region = el.closest('[aria-label]:not(button):not(input):not(a):not([role="img"]), dialog, header, nav, main, aside');
  return { what: role + ' "' + name + '"', region: region ? (region.getAttribute('aria-label') || region.tagName.toLowerCase()) : 'page' };
}`;

type Describe = (el: Element) => { what: string; region: string };
const describeIn = (page: Page) => page.evaluate(`window.__gfDescribe = ${DESCRIBE}`);

/**
 * Marks every visible, enabled control inside `scope` (a CSS selector) with `data-gf-control`
 * and returns them: links, buttons, form fields, editable text and anything with a tabindex.
 */
export async function markControls(page: Page, scope: string): Promise<Control[]> {
  await describeIn(page);
  return page.evaluate((scope) => {
    const describeEl = (window as unknown as { __gfDescribe: Describe }).__gfDescribe;
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [contenteditable="true"], [tabindex]:not([tabindex="-1"])';
    const controls: { mark: string; what: string; region: string }[] = [];
    let n = 0;
    for (const root of document.querySelectorAll(scope))
      for (const el of root.querySelectorAll<HTMLElement>(selector)) {
        const hidden =
          el.getClientRects().length === 0 ||
          getComputedStyle(el).visibility === 'hidden' ||
          el.closest('[aria-hidden="true"], [inert]') !== null;
        if (hidden) continue;
        const mark = String(n++);
        el.dataset.gfControl = mark;
        controls.push({ mark, ...describeEl(el) });
      }
    return controls;
  }, scope);
}

/**
 * Presses Tab from where the focus is until it comes back to the first stop (or `limit`
 * presses), recording each stop.
 */
export async function tabThrough(page: Page, limit = 300): Promise<FocusStop[]> {
  await describeIn(page);
  const stops: FocusStop[] = [];
  let first: string | undefined;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((index) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const key = el.dataset.gfTabStop ?? (el.dataset.gfTabStop = String(index));
      const describeEl = (window as unknown as { __gfDescribe: Describe }).__gfDescribe;
      // The ring may be drawn by the element or by a wrapper (an input's field, a node's card).
      const ringOn = (node: Element | null) => {
        if (!node) return false;
        const style = getComputedStyle(node);
        return (
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) ||
          style.boxShadow !== 'none'
        );
      };
      const ringVisible =
        ringOn(el) ||
        ringOn(el.parentElement) ||
        ringOn(el.parentElement?.parentElement ?? null) ||
        ringOn(el.firstElementChild);
      const rect = el.getBoundingClientRect();
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(rect.top + Math.min(rect.height / 2, 10), 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      const inView =
        rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
      const onScreen =
        inView && top !== null && (el.contains(top) || top.contains(el) || top === el);
      return { key, ...describeEl(el), ringVisible, onScreen, mark: el.dataset.gfControl ?? null };
    }, i);
    if (!stop) continue;
    if (stop.key === first) break;
    first ??= stop.key;
    const { key: _key, ...rest } = stop;
    stops.push(rest);
  }
  return stops;
}

/**
 * The problems of a tab walk over `controls`: controls never reached, and stops without a
 * visible focus ring or hidden when focused. Empty when all is well.
 */
export function keyboardProblems(controls: readonly Control[], stops: readonly FocusStop[]) {
  const reached = new Set(stops.map((s) => s.mark));
  const at = (c: { what: string; region: string }) => `${c.what} in ${c.region}`;
  return [
    ...controls.filter((c) => !reached.has(c.mark)).map((c) => `not reachable by Tab: ${at(c)}`),
    ...stops.filter((s) => !s.ringVisible).map((s) => `no visible focus: ${at(s)}`),
    ...stops.filter((s) => !s.onScreen).map((s) => `hidden or off screen when focused: ${at(s)}`),
  ];
}
