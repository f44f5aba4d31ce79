export { validateGraph, isValidGraph } from './validate.js';
export { pointerToPath, type ValidationCode, type ValidationIssue } from './issue.js';
export {
  issueClause,
  readableErrors,
  type ReadableError,
  type ReadableErrorOptions,
} from './ajv-errors.js';
export {
  AJV_OPTIONS,
  configValidator,
  graphDocumentValidator,
  usePrecompiledValidators,
  type PrecompiledValidators,
} from './compiled-schemas.js';
