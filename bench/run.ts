/**
 * `npm run bench`: runs every benchmark that exists, writes the raw results to
 * bench/results.json and a readable table to docs/PERFORMANCE.md, with the machine it ran on.
 * Benchmarks are separate from tests: nothing here asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runValidationBench } from './validation.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const started = new Date();

process.stderr.write('… validation of a 1,000-node graph\n');
const validation = await runValidationBench();
process.stderr.write(`✔ validation: median ${validation.ms.toFixed(2)} ms\n`);

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  temporalCli: '1.5.1 (server 1.29.1)',
  loadAverage: loadAverage(),
};
const results = { startedAt: started.toISOString(), machine, validation };
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(`${root}docs/PERFORMANCE.md`, renderTable(results));
process.stderr.write('wrote bench/results.json and docs/PERFORMANCE.md\n');

function loadAverage(): string {
  try {
    return execFileSync('cat', ['/proc/loadavg']).toString().split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

function renderTable(r: typeof results): string {
  return `# Performance

Measured by \`npm run bench\` on ${r.startedAt.slice(0, 10)}: ${r.machine.cores} cores (${r.machine.cpu}),
${r.machine.memoryGiB} GiB, Node ${r.machine.node}, Temporal CLI ${r.machine.temporalCli}. Load average at
the start: ${r.machine.loadAverage} (a load near or above the core count means the numbers are noisy).
Raw samples are in \`bench/results.json\`.

| key | what | goal | result |
|---|---|---|---|
| \`validation\` | validating a ${r.validation.nodes}-node, ${r.validation.edges}-edge graph (median of ${r.validation.samples.length} runs, fresh copy each) | ≤ 20 ms | ${r.validation.ms.toFixed(2)} ms (p95 ${r.validation.p95Ms.toFixed(2)} ms) |

## What each figure means

- **validation**: \`validateGraph\` on a realistic generated graph — JSON Schema of the document,
  the graph rules (cycles, reachability, ports, joins, loop bodies), every node's config schema
  and every expression with its references checked against the node's ancestors. The builder runs
  it on every edit and the API on every save, so it must stay far below a frame.

The other benchmarks of the performance issue (trigger router, end-to-end latency, throughput,
interpreter overhead, waiting runs, API latency) are not written yet.
`;
}
