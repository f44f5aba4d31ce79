export { validateGraph, isValidGraph } from './validate.js';
export { pointerToPath, type ValidationCode, type ValidationIssue } from './issue.js';
export { AJV_OPTIONS, graphDocumentValidator, configValidator } from './compiled-schemas.js';
