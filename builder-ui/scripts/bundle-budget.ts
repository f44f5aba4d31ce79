/**
 * The bundle budget: what a first visit downloads (the entry chunk, its static imports and
 * CSS) and what opening the editor adds (its lazy chunk and what it imports that the entry does
 * not have), gzipped, against the limits in bundle-budget.json. Run by `npm run build`, which
 * fails past a limit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of Vite's manifest (dist/.vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The limits, in KiB of gzip. */
export interface Budget {
  entryGzipKiB: number;
  editorGzipKiB: number;
}

/** The module the editor route lazy-loads (its own chunk). */
export const EDITOR_SOURCE = 'src/editor/editor-page.tsx';

/**
 * The files loading `key` brings: its chunk, its static imports (transitively) and their CSS.
 *
 * @example
 * filesOf(manifest, 'index.html'); // Set { 'assets/index-….js', 'assets/index-….css' }
 */
export function filesOf(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const files = new Set<string>();
  if (seen.has(key)) return files;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The manifest has no chunk ${key}.`);
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? [])
    for (const file of filesOf(manifest, imported, seen)) files.add(file);
  return files;
}

/**
 * The gzipped sizes (KiB) of the first visit and of opening the editor, from a build in `dist`.
 *
 * @example
 * measure('builder-ui/dist'); // { entryGzipKiB: 124.4, editorGzipKiB: 0.3 }
 */
export function measure(dist: string): Budget & { entryFiles: string[]; editorFiles: string[] } {
  const manifest = JSON.parse(
    readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('The manifest has no entry chunk.');
  if (!manifest[EDITOR_SOURCE])
    throw new Error(`${EDITOR_SOURCE} is not a chunk of its own: the router must lazy-load it.`);
  const entry = filesOf(manifest, entryKey);
  const editor = [...filesOf(manifest, EDITOR_SOURCE)].filter((file) => !entry.has(file));
  const kib = (files: Iterable<string>) =>
    Math.round(
      ([...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0) /
        1024) *
        10,
    ) / 10;
  return {
    entryGzipKiB: kib(entry),
    editorGzipKiB: kib(editor),
    entryFiles: [...entry],
    editorFiles: editor,
  };
}

/**
 * The lines saying which limit a build exceeds (none when it fits).
 *
 * @example
 * overBudget({ entryGzipKiB: 200, editorGzipKiB: 10 }, { entryGzipKiB: 150, editorGzipKiB: 560 });
 * // ['The first visit downloads 200 KiB gzipped, over its budget of 150 KiB: …']
 */
export function overBudget(sizes: Budget, budget: Budget): string[] {
  const problems: string[] = [];
  if (sizes.entryGzipKiB > budget.entryGzipKiB)
    problems.push(
      `The first visit downloads ${sizes.entryGzipKiB} KiB gzipped, over its budget of ${budget.entryGzipKiB} KiB: load the new code lazily (import()) or raise entryGzipKiB in builder-ui/bundle-budget.json with a reason.`,
    );
  if (sizes.editorGzipKiB > budget.editorGzipKiB)
    problems.push(
      `Opening the editor downloads ${sizes.editorGzipKiB} KiB gzipped, over its budget of ${budget.editorGzipKiB} KiB: split what is not needed at once, or raise editorGzipKiB in builder-ui/bundle-budget.json with a reason.`,
    );
  return problems;
}
