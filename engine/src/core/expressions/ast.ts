import type { RootName } from './scope.js';

/** Unary operators (`not` is stored as `!` with `word: true`). */
export type UnaryOp = '-' | '+' | '!';

/** Binary operators after normalisation (`and` → `&&`, `or` → `||`, `===` → `==`, `!==` → `!=`). */
export type BinaryOp =
  '&&' | '||' | '??' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

/** The checked expression tree the evaluator walks. Built only by `compile.ts`. */
export type Node =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'root'; name: RootName }
  | { kind: 'member'; object: Node; property: Node }
  | { kind: 'list'; elements: Node[] }
  | { kind: 'unary'; op: UnaryOp; word: boolean; paren: boolean; argument: Node }
  | { kind: 'binary'; op: BinaryOp; left: Node; right: Node }
  | { kind: 'conditional'; test: Node; consequent: Node; alternate: Node }
  | { kind: 'filter'; name: string; input: Node; args: Node[] }
  | { kind: 'invalid' };

/**
 * The direct children of a node.
 *
 * @example
 * children({ kind: 'unary', op: '-', word: false, paren: false, argument: one }); // [one]
 */
export function children(node: Node): Node[] {
  switch (node.kind) {
    case 'member':
      return [node.object, node.property];
    case 'list':
      return node.elements;
    case 'unary':
      return [node.argument];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.consequent, node.alternate];
    case 'filter':
      return [node.input, ...node.args];
    default:
      return [];
  }
}

/**
 * Visits every node, parents before children (trees are depth-bounded, so recursion is safe).
 *
 * @example
 * walk(ast, (node) => { if (node.kind === 'root') roots.add(node.name); });
 */
export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of children(node)) walk(child, visit);
}
