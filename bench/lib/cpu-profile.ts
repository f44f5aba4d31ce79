/**
 * Reads V8 CPU profiles (`--cpu-prof`, one file per thread) of a worker under test and splits a
 * workflow thread's busy time into what it went to. Each sample is given to the innermost frame
 * that matches a category, so the categories never overlap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where one workflow thread's busy time went, milliseconds. */
export interface ThreadBreakdown {
  busyMs: number;
  /** The SDK's promise hook capturing a stack trace for every promise a workflow creates. */
  promiseHookMs: number;
  /** Evaluating the workflow module and its imports, once per new workflow (not preloaded). */
  moduleEvaluationMs: number;
  garbageCollectionMs: number;
  /** Everything else: workflow code, the SDK's activation handling, V8 context switches. */
  otherMs: number;
}

type Category = Exclude<keyof ThreadBreakdown, 'busyMs'>;

function categoryOf(frame: ProfileNode['callFrame']): Category | undefined {
  if (
    (frame.functionName === 'init' && frame.url.endsWith('vm-shared.js')) ||
    frame.functionName === 'initAll'
  )
    return 'promiseHookMs';
  if (frame.functionName === 'importWorkflows') return 'moduleEvaluationMs';
  if (frame.functionName === '(garbage collector)') return 'garbageCollectionMs';
  return undefined;
}

/**
 * The breakdown of the thread (in the profiles in `dir`) that ran a function named `marker`
 * (e.g. the workflow function), or undefined when no profile has it.
 *
 * @example
 * const graph = threadBreakdown('/tmp/prof', 'graphWorkflow');
 */
export function threadBreakdown(dir: string, marker: string): ThreadBreakdown | undefined {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    if (!profile.nodes.some((n) => n.callFrame.functionName === marker)) continue;
    const parent = new Map<number, number>();
    const byId = new Map<number, ProfileNode>();
    for (const node of profile.nodes) {
      byId.set(node.id, node);
      for (const child of node.children ?? []) parent.set(child, node.id);
    }
    const memo = new Map<number, Category | 'otherMs' | 'idle'>();
    const classify = (id: number): Category | 'otherMs' | 'idle' => {
      const known = memo.get(id);
      if (known) return known;
      const node = byId.get(id);
      const name = node?.callFrame.functionName;
      let result: Category | 'otherMs' | 'idle';
      if (!node || name === '(idle)' || name === '(root)') result = 'idle';
      else {
        result = categoryOf(node.callFrame) ?? 'otherMs';
        if (result === 'otherMs') {
          const up = parent.get(id);
          const inherited = up === undefined ? 'otherMs' : classify(up);
          result = inherited === 'idle' ? 'otherMs' : inherited;
        }
      }
      memo.set(id, result);
      return result;
    };
    const totals: ThreadBreakdown = {
      busyMs: 0,
      promiseHookMs: 0,
      moduleEvaluationMs: 0,
      garbageCollectionMs: 0,
      otherMs: 0,
    };
    profile.samples.forEach((id, i) => {
      const category = classify(id);
      if (category === 'idle') return;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      totals[category] += ms;
      totals.busyMs += ms;
    });
    return totals;
  }
  return undefined;
}
