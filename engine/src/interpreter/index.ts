export * from './contract.js';
export { RunState, type NodeRun, type SavedRunState } from './run-state.js';
export { StepBook, summarize } from './step-book.js';
