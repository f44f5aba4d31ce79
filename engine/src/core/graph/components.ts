/** The strongly connected components of a graph (internal numeric form, for the algorithms). */
export interface Components {
  /** Components as lists of node positions (in `nodeIds`), sinks first. */
  readonly list: readonly (readonly number[])[];
  /** Component number of each node position. */
  readonly of: Int32Array;
  /** Per component: true when it is a cycle (several nodes, or a self-loop). */
  readonly cyclic: readonly boolean[];
}

/** Tarjan's strongly connected components, iteratively (no recursion depth limits). */
export function tarjan(succ: readonly (readonly number[])[]): Components {
  const n = succ.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const of = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const list: number[][] = [];
  const cyclic: boolean[] = [];
  let counter = 0;
  const callNode: number[] = [];
  const callEdge: number[] = [];
  for (let root = 0; root < n; root += 1) {
    if (index[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const v = callNode[top] as number;
      const edges = succ[v] ?? [];
      const e = callEdge[top] as number;
      if (e < edges.length) {
        callEdge[top] = e + 1;
        const w = edges[e] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(0);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      const parent = callNode[callNode.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      const c = list.length;
      for (;;) {
        const w = stack.pop() as number;
        onStack[w] = 0;
        of[w] = c;
        component.push(w);
        if (w === v) break;
      }
      component.sort((a, b) => a - b);
      list.push(component);
      cyclic.push(component.length > 1 || (succ[v] ?? []).includes(v));
    }
  }
  return { list, of, cyclic };
}
