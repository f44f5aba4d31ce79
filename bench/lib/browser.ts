/**
 * Measuring the builder in a real browser: Debian's Chromium driven by `playwright-core`, with
 * the timing taken inside the page (its own clock: `performance.now()` counts from the
 * navigation's start, `requestAnimationFrame` timestamps are the frames the page produced).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { cpuMsOf } from './proc.js';
import { median, percentile, round } from './stats.js';

/**
 * Chromium's path (`CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`), or undefined when there
 * is none (the benchmark is then skipped, saying what to install).
 */
export function chromiumExecutable(): string | undefined {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/**
 * Makes the bench's functions runnable in the context's pages: tsx compiles the bench with
 * esbuild's `keepNames`, which wraps named functions in a `__name(fn, 'name')` helper that only
 * the bench's module defines, and `page.evaluate` sends a function's source to the page.
 */
export async function allowBenchFunctions(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
}

/** When the editor had drawn every node, in ms since the navigation started. */
export interface OpenTiming {
  /** Every node element present, measured (visible) and the frame with them painted. */
  paintedMs: number;
  /** The graph's JSON fully received (the resource timing of its request). */
  graphLoadedMs: number | undefined;
  /** Edge elements drawn at that moment. */
  edges: number;
}

/**
 * Waits in the page until `count` React Flow nodes are drawn and visible (React Flow hides a
 * node until it has measured it), then until the frame holding them is painted.
 *
 * @example
 * await page.goto(editorUrl, { waitUntil: 'commit' });
 * const { paintedMs } = await waitForNodesPainted(page, 500);
 */
export function waitForNodesPainted(
  page: Page,
  count: number,
  timeoutMs = 60_000,
): Promise<OpenTiming> {
  return page.evaluate(
    ({ count, timeoutMs }) =>
      new Promise<OpenTiming>((resolve, reject) => {
        const started = performance.now();
        const check = () => {
          const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
          const drawn =
            nodes.length >= count && [...nodes].every((n) => n.style.visibility !== 'hidden');
          if (!drawn) {
            if (performance.now() - started > timeoutMs)
              reject(new Error(`only ${nodes.length} of ${count} nodes drawn`));
            else requestAnimationFrame(check);
            return;
          }
          // This frame holds them; it is painted once the next one starts.
          requestAnimationFrame(() => {
            const graph = performance
              .getEntriesByType('resource')
              .find((e) => /\/api\/guilds\/[^/]+\/graphs\/[^/?]+$/.test(new URL(e.name).pathname));
            resolve({
              paintedMs: performance.now(),
              graphLoadedMs: graph ? (graph as PerformanceResourceTiming).responseEnd : undefined,
              edges: document.querySelectorAll('.react-flow__edge').length,
            });
          });
        };
        check();
      }),
    { count, timeoutMs },
  );
}

/** Frame times while something happened on the page. */
export interface FrameSummary {
  frames: number;
  seconds: number;
  medianFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  /** Display refreshes (60 Hz) that brought no new frame. */
  droppedFrames: number;
  /** Frames in which the canvas's viewport had moved since the previous one. */
  movedFrames: number;
}

/** A display refresh at 60 Hz. */
const REFRESH_MS = 1000 / 60;

/**
 * Records the page's frames (their `requestAnimationFrame` timestamps and the canvas viewport's
 * transform in each) while `during` runs, and summarises the frame times.
 */
export async function recordFrames(page: Page, during: () => Promise<void>): Promise<FrameSummary> {
  await page.evaluate(() => {
    const frames: { at: number; view: string }[] = [];
    const w = window as unknown as { __gfFrames?: typeof frames; __gfRecording?: boolean };
    w.__gfFrames = frames;
    w.__gfRecording = true;
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const tick = (at: number) => {
      if (!w.__gfRecording) return;
      frames.push({ at, view: viewport?.style.transform ?? '' });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await during();
  const frames = await page.evaluate(() => {
    const w = window as unknown as {
      __gfFrames?: { at: number; view: string }[];
      __gfRecording?: boolean;
    };
    w.__gfRecording = false;
    return w.__gfFrames ?? [];
  });
  const intervals: number[] = [];
  let moved = 0;
  for (let i = 1; i < frames.length; i++) {
    const previous = frames[i - 1];
    const frame = frames[i];
    if (!previous || !frame) continue;
    intervals.push(frame.at - previous.at);
    if (frame.view !== previous.view) moved++;
  }
  const sorted = [...intervals].sort((a, b) => a - b);
  const first = frames[0]?.at ?? 0;
  const last = frames[frames.length - 1]?.at ?? 0;
  return {
    frames: intervals.length,
    seconds: round((last - first) / 1000, 2),
    medianFrameMs: round(median(intervals), 1),
    p95FrameMs: round(percentile(sorted, 95), 1),
    maxFrameMs: round(sorted[sorted.length - 1] ?? 0, 1),
    droppedFrames: intervals.reduce(
      (sum, ms) => sum + Math.max(0, Math.round(ms / REFRESH_MS) - 1),
      0,
    ),
    movedFrames: moved,
  };
}

/**
 * A point of the canvas where pressing grabs the background (no node, edge, minimap or
 * control under it), so dragging from it pans.
 */
export async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return undefined;
    const box = pane.getBoundingClientRect();
    // From the middle outwards, so the drag has room on every side.
    for (let ring = 0; ring < 20; ring++)
      for (let step = 0; step < 16; step++) {
        const angle = (step / 16) * 2 * Math.PI;
        const x = box.left + box.width / 2 + Math.cos(angle) * ring * (box.width / 50);
        const y = box.top + box.height / 2 + Math.sin(angle) * ring * (box.height / 50);
        if (document.elementFromPoint(x, y) === pane) return { x, y };
      }
    return undefined;
  });
  if (!point) throw new Error('no empty spot of the canvas to drag from');
  return point;
}

/** CPU time by kind of Chromium process (`renderer`, `gpu-process`, `browser`…), ms. */
export type ProcessCpu = Map<number, { kind: string; ms: number }>;

/**
 * CPU milliseconds used so far by each Chromium process this process started (the browser,
 * renderers, the GPU process that rasterises in software here, utility processes), by pid;
 * empty where /proc is missing.
 *
 * @example
 * const before = chromiumCpu(); await open(); const { totalMs } = cpuUsedSince(before);
 */
export function chromiumCpu(): ProcessCpu {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return new Map();
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      names.set(Number(name), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process exited while /proc was listed
    }
  }
  const ours = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at))
      if (at === process.pid) return true;
    return false;
  };
  const cpu: ProcessCpu = new Map();
  for (const [pid, name] of names) {
    if (!/chrom/i.test(name) || !ours(pid)) continue;
    const ms = cpuMsOf(pid);
    if (ms === undefined) continue;
    // Child processes rewrite their title, so the flag is looked for anywhere in it.
    let kind = 'browser';
    try {
      kind = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? kind;
    } catch {
      // gone meanwhile
    }
    cpu.set(pid, { kind, ms });
  }
  return cpu;
}

/**
 * The CPU milliseconds Chromium's processes used since `before`, in all and by kind of process
 * (processes started since count from zero).
 */
export function cpuUsedSince(before: ProcessCpu): {
  totalMs: number;
  byKind: Record<string, number>;
} {
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const [pid, { kind, ms }] of chromiumCpu()) {
    const used = ms - (before.get(pid)?.ms ?? 0);
    total += used;
    byKind[kind] = (byKind[kind] ?? 0) + used;
  }
  return {
    totalMs: round(total, 0),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, round(v, 0)])),
  };
}
