import type { GraphDocument, ValidationIssue } from '@guildflow/engine/core';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** Undo keeps this many steps; older ones are dropped. */
export const HISTORY_LIMIT = 200;
/** Edits with the same coalescing key this close together are one undo step (typing). */
export const COALESCE_MS = 800;

export interface Size {
  width: number;
  height: number;
}

/** Something the editor tells the user (a refused connection, a paste that left things out). */
export interface EditorMessage {
  text: string;
  tone: 'info' | 'error';
  /** Bumped on every message so the same text is announced again. */
  seq: number;
}

/** Where the side panel should put the caret: a node and a config path (`buttons[0].label`). */
export interface EditorFocus {
  nodeId: string;
  path?: string;
  seq: number;
}

/** What the service says of the graph beyond its draft. */
export interface PublishedState {
  enabled: boolean;
  /** The live version (null: never published). */
  version: number | null;
}

export interface EditOptions {
  /** Edits with the same key in a row (within {@link COALESCE_MS}) merge into one undo step. */
  coalesce?: string;
  /** Select exactly these nodes after the edit. */
  select?: readonly string[];
}

export interface EditorState {
  guildId: string;
  graphId: string;
  /** The draft: the single source of truth; the canvas derives its nodes and edges from it. */
  doc: GraphDocument;
  /** The revision the draft was loaded (or last saved) at, for `If-Match` when saving. */
  baseRevision: number;
  /** True when `doc` has edits not saved yet. */
  dirty: boolean;
  /** Enabled and published version, as the last answer of the service said. */
  published: PublishedState;
  past: readonly GraphDocument[];
  future: readonly GraphDocument[];
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  /** Node sizes measured by the canvas (not part of the document, not undone). */
  measured: ReadonlyMap<string, Size>;
  /** validateGraph's answer for `validatedDoc` (positions do not matter to it). */
  issues: readonly ValidationIssue[];
  nodeIssues: ReadonlyMap<string, readonly ValidationIssue[]>;
  edgeIssues: ReadonlyMap<string, readonly ValidationIssue[]>;
  validatedDoc: GraphDocument | null;
  focus: EditorFocus | null;
  message: EditorMessage | null;

  /** Applies an edit as one undo step (or merges it into the last, see {@link EditOptions}). */
  edit(change: (doc: GraphDocument) => GraphDocument, options?: EditOptions): void;
  /** Starts a gesture (a drag): edits until {@link endGesture} are one undo step. */
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  selectAll(): void;
  setMeasured(sizes: ReadonlyMap<string, Size>): void;
  setIssues(doc: GraphDocument, issues: readonly ValidationIssue[]): void;
  focusNode(nodeId: string, path?: string): void;
  say(text: string, tone?: EditorMessage['tone']): void;
  /** After a save: the new base revision, and clean unless edited meanwhile. */
  markSaved(revision: number, savedDoc: GraphDocument): void;
  /**
   * Saves go on from this revision (keeping mine over someone else's save): dirty, since the
   * service holds their draft until mine is saved.
   */
  rebase(revision: number): void;
  /**
   * Replaces the draft with the one saved elsewhere (someone else's): clean at its revision, as
   * one undo step, so Ctrl+Z brings mine back as an unsaved edit.
   */
  loadSaved(doc: GraphDocument, revision: number): void;
  setPublished(published: PublishedState): void;
}

export type EditorStore = StoreApi<EditorState>;

export interface EditorInit {
  guildId: string;
  graphId: string;
  doc: GraphDocument;
  revision: number;
  /** validateGraph's issues of `doc` when already known (the API sends them with the graph). */
  issues?: readonly ValidationIssue[];
  published?: PublishedState;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** One editor's state: created when a graph is opened, dropped when it is closed. */
export function createEditorStore(init: EditorInit): EditorStore {
  let lastKey: string | undefined;
  let lastAt = 0;
  let gestureBase: GraphDocument | null = null;
  let seq = 0;

  return createStore<EditorState>()((set, get) => {
    /** Keeps the selection to ids that still exist (after undo, delete, …). */
    function pruned(doc: GraphDocument, state: EditorState) {
      const nodes = new Set(doc.nodes.map((n) => n.id));
      const edges = new Set(doc.edges.map((e) => e.id));
      const selectedNodes = [...state.selectedNodes].filter((id) => nodes.has(id));
      const selectedEdges = [...state.selectedEdges].filter((id) => edges.has(id));
      return {
        selectedNodes:
          selectedNodes.length === state.selectedNodes.size
            ? state.selectedNodes
            : new Set(selectedNodes),
        selectedEdges:
          selectedEdges.length === state.selectedEdges.size
            ? state.selectedEdges
            : new Set(selectedEdges),
      };
    }

    return {
      guildId: init.guildId,
      graphId: init.graphId,
      doc: init.doc,
      baseRevision: init.revision,
      dirty: false,
      published: init.published ?? { enabled: false, version: null },
      past: [],
      future: [],
      selectedNodes: EMPTY_SET,
      selectedEdges: EMPTY_SET,
      measured: new Map(),
      issues: init.issues ?? [],
      nodeIssues: groupStable(init.issues ?? [], 'nodeId', new Map()),
      edgeIssues: groupStable(init.issues ?? [], 'edgeId', new Map()),
      validatedDoc: init.issues ? init.doc : null,
      focus: null,
      message: null,

      edit(change, options = {}) {
        const state = get();
        const next = change(state.doc);
        const selection = options.select
          ? { selectedNodes: new Set(options.select), selectedEdges: EMPTY_SET }
          : undefined;
        if (next === state.doc) {
          if (selection) set(selection);
          return;
        }
        const now = Date.now();
        const merge =
          gestureBase !== null ||
          (options.coalesce !== undefined &&
            options.coalesce === lastKey &&
            now - lastAt < COALESCE_MS &&
            state.past.length > 0);
        lastKey = options.coalesce;
        lastAt = now;
        set({
          doc: next,
          dirty: true,
          past: merge ? state.past : [...state.past, state.doc].slice(-HISTORY_LIMIT),
          future: merge && gestureBase === null ? state.future : [],
          ...(selection ?? pruned(next, state)),
        });
      },

      beginGesture() {
        if (gestureBase === null) gestureBase = get().doc;
      },

      endGesture() {
        const base = gestureBase;
        gestureBase = null;
        lastKey = undefined;
        const state = get();
        if (base === null || base === state.doc) return;
        set({ past: [...state.past, base].slice(-HISTORY_LIMIT), future: [] });
      },

      undo() {
        const state = get();
        const previous = state.past[state.past.length - 1];
        if (!previous) return;
        gestureBase = null;
        lastKey = undefined;
        set({
          doc: previous,
          dirty: true,
          past: state.past.slice(0, -1),
          future: [state.doc, ...state.future],
          ...pruned(previous, state),
        });
      },

      redo() {
        const state = get();
        const next = state.future[0];
        if (!next) return;
        lastKey = undefined;
        set({
          doc: next,
          dirty: true,
          past: [...state.past, state.doc],
          future: state.future.slice(1),
          ...pruned(next, state),
        });
      },

      select(nodes, edges = []) {
        const selectedNodes = new Set(nodes);
        const selectedEdges = new Set(edges);
        const state = get();
        if (
          sameSet(selectedNodes, state.selectedNodes) &&
          sameSet(selectedEdges, state.selectedEdges)
        )
          return;
        set({ selectedNodes, selectedEdges });
      },

      selectAll() {
        const { doc } = get();
        set({
          selectedNodes: new Set(doc.nodes.map((n) => n.id)),
          selectedEdges: new Set(doc.edges.map((e) => e.id)),
        });
      },

      setMeasured(sizes) {
        const measured = new Map(get().measured);
        for (const [id, size] of sizes) measured.set(id, size);
        set({ measured });
      },

      setIssues(doc, issues) {
        const state = get();
        set({
          issues,
          validatedDoc: doc,
          nodeIssues: groupStable(issues, 'nodeId', state.nodeIssues),
          edgeIssues: groupStable(issues, 'edgeId', state.edgeIssues),
        });
      },

      focusNode(nodeId, path) {
        seq += 1;
        set({
          selectedNodes: new Set([nodeId]),
          selectedEdges: EMPTY_SET,
          focus: { nodeId, ...(path === undefined ? {} : { path }), seq },
        });
      },

      say(text, tone = 'info') {
        seq += 1;
        set({ message: { text, tone, seq } });
      },

      markSaved(revision, savedDoc) {
        set({ baseRevision: revision, dirty: get().doc !== savedDoc });
      },

      rebase(revision) {
        set({ baseRevision: revision, dirty: true });
      },

      loadSaved(doc, revision) {
        const state = get();
        gestureBase = null;
        lastKey = undefined;
        set({
          doc,
          baseRevision: revision,
          dirty: false,
          past: [...state.past, state.doc].slice(-HISTORY_LIMIT),
          future: [],
          ...pruned(doc, state),
        });
      },

      setPublished(published) {
        const now = get().published;
        if (now.enabled !== published.enabled || now.version !== published.version)
          set({ published });
      },
    };
  });
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/**
 * Issues grouped by node or edge id; a group equal to the previous one keeps its identity, so
 * only the nodes whose issues changed draw again.
 */
function groupStable(
  issues: readonly ValidationIssue[],
  key: 'nodeId' | 'edgeId',
  previous: ReadonlyMap<string, readonly ValidationIssue[]>,
): ReadonlyMap<string, readonly ValidationIssue[]> {
  const groups = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const id = issue[key];
    if (id === undefined) continue;
    const list = groups.get(id);
    if (list) list.push(issue);
    else groups.set(id, [issue]);
  }
  const result = new Map<string, readonly ValidationIssue[]>();
  for (const [id, list] of groups) {
    const old = previous.get(id);
    result.set(id, old && JSON.stringify(old) === JSON.stringify(list) ? old : list);
  }
  return result;
}
