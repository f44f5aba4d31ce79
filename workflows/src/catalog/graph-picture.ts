import type { GraphDocument } from '@guildflow/engine/core';

/**
 * A Mermaid flowchart of a graph, for the template docs (GitHub and most Markdown viewers draw
 * it): one box per node with its label and type, one arrow per edge, named by its port unless
 * it is `out`. Generated from the document, so the picture cannot drift from what installs.
 *
 * @example
 * graphPicture(welcome.graph); // ['```mermaid', 'flowchart LR', '  joined["Member joins<br/><small>trigger.memberJoined</small>"]', …]
 */
export function graphPicture(doc: GraphDocument): string[] {
  const ids = new Map(doc.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['```mermaid', 'flowchart LR'];
  for (const node of doc.nodes)
    lines.push(
      `  ${ids.get(node.id)}["${escape(node.label ?? node.id)}<br/><small>${node.type}</small>"]`,
    );
  for (const edge of doc.edges) {
    const port =
      edge.sourceHandle && edge.sourceHandle !== 'out' ? `|${escape(edge.sourceHandle)}|` : '';
    lines.push(`  ${ids.get(edge.source)} -->${port} ${ids.get(edge.target)}`);
  }
  lines.push('```');
  return lines;
}

// Mermaid reads `"` and `#`, `<`, `>` inside a label as markup: entity codes keep them text.
function escape(text: string): string {
  return text
    .replaceAll('#', '#35;')
    .replaceAll('"', '#quot;')
    .replaceAll('<', '#lt;')
    .replaceAll('>', '#gt;')
    .replaceAll('|', '#124;');
}
