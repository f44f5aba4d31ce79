/**
 * `npm run build -w builder-ui` runs this after Vite: it fails the build past the budget, and
 * leaves the figures in dist/.vite/bundle-sizes.json (beside Vite's manifest, never served) for
 * `npm run bench`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measure, overBudget, type Budget } from './bundle-budget.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const budget = JSON.parse(readFileSync(`${root}bundle-budget.json`, 'utf8')) as Budget;
const sizes = measure(`${root}dist`);
process.stdout.write(
  `bundle budget: first visit ${sizes.entryGzipKiB} / ${budget.entryGzipKiB} KiB, editor ${sizes.editorGzipKiB} / ${budget.editorGzipKiB} KiB (gzip)\n`,
);
const limits = { entryGzipKiB: budget.entryGzipKiB, editorGzipKiB: budget.editorGzipKiB };
writeFileSync(
  `${root}dist/.vite/bundle-sizes.json`,
  `${JSON.stringify({ ...sizes, budget: limits }, null, 2)}\n`,
);
const problems = overBudget(sizes, budget);
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
