/** `npm run build -w builder-ui` runs this after Vite: it fails the build past the budget. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measure, overBudget, type Budget } from './bundle-budget.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const budget = JSON.parse(readFileSync(`${root}bundle-budget.json`, 'utf8')) as Budget;
const sizes = measure(`${root}dist`);
process.stdout.write(
  `bundle budget: first visit ${sizes.entryGzipKiB} / ${budget.entryGzipKiB} KiB, editor ${sizes.editorGzipKiB} / ${budget.editorGzipKiB} KiB (gzip)\n`,
);
const problems = overBudget(sizes, budget);
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
