/**
 * The levers tried against issue #16's goals, with their measured effect, as PERFORMANCE.md
 * lists them. Measured with the throughput benchmark alone at 20 runs/s (A/B runs, alternated);
 * how, and the raw figures of every run, are in docs/performance-levers.md. CPU is per run, all
 * processes but the load generator. Written by hand: a lever is measured once, not per bench run.
 */
export interface Lever {
  lever: string;
  effect: string;
  kept: boolean;
}

export const LEVERS: readonly Lever[] = [
  {
    lever: 'SQLite WAL + `synchronous=NORMAL` as shipped (was: rollback journal; bench ran `OFF`)',
    effect: 'fast / NORMAL / FULL within the noise at 20 runs/s (67–78 ms in all)',
    kept: true,
  },
  {
    lever: 'Discord actions as local activities (interpreter v4), Discord budget in the worker',
    effect:
      'workflow tasks 2 → 1, history events 11 → 6; Temporal ~33 → ~20–22 ms; p50 ~170 → ~45 ms',
    kept: true,
  },
  {
    lever: "webhook delivery's claim not updated to `started` after the run starts",
    effect: 'store 11–14 → 3.5–3.9 ms per run',
    kept: true,
  },
  {
    lever:
      '`system.forceSearchAttributesCacheRefreshOnRead=false` (restart when attributes are added)',
    effect: 'Temporal −4 ms with 2 workflow tasks per run (3 runs each); within the noise at 1',
    kept: true,
  },
  {
    lever: 'gateway overload shedding (20 run-starting events/s per core, logged)',
    effect: 'e2e 200/s: lost 2,981 of 12,000 → 0 (shed with a log), p99 82 s → ~1.4 s',
    kept: true,
  },
  {
    lever: 'one task-queue partition (`matching.numTaskqueue{Read,Write}Partitions=1`)',
    effect: 'no CPU saved; p50 +40–80 ms in 3 of 3 runs',
    kept: false,
  },
  {
    lever: 'workflow bundle without its source map (cheaper per-promise stack capture)',
    effect: 'worker −1.8 ms (15.0 vs 17.0, 2 runs each); workflow stack traces lose their sources',
    kept: false,
  },
  {
    lever: 'workflow cache 40 instead of 100; one workflow thread instead of two',
    effect: 'waiting (3,000 runs): RSS 488 MB and 563 MB (100 and two threads: 472 MB)',
    kept: false,
  },
  {
    lever: 'eager workflow start',
    effect:
      'not measured: needs a worker in each process that starts runs (gateway, service); none has one',
    kept: false,
  },
];
