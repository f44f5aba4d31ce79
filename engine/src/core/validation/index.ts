export { validateGraph, isValidGraph } from './validate.js';
export { pointerToPath, type ValidationCode, type ValidationIssue } from './issue.js';
export { graphDocumentValidator, configValidator } from './compiled-schemas.js';
