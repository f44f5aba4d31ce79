import type { GraphDocument } from '@guildflow/engine/core';

/** A file name for a graph: its name in lower case with dashes, `.json`. */
export function graphFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'graph'}.json`;
}

/** The graph document as the JSON the import dialog and the API take. */
export function graphJson(doc: GraphDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Saves a graph document as a JSON file through the browser's download (nothing is sent).
 *
 * @example
 * downloadGraph(store.getState().doc); // welcome-new-members.json
 */
export function downloadGraph(doc: GraphDocument, fileName = graphFileName(doc.name)): void {
  const url = URL.createObjectURL(new Blob([graphJson(doc)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the blob can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
