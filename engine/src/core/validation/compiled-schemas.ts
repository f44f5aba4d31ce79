import Ajv, { type ValidateFunction } from 'ajv';
import type { NodeDeclaration } from '../catalog/define-node.js';
import { GraphDocumentSchema } from '../graph/schema.js';

/** The ajv options of every validator of the core (build-time generated ones must use the same). */
export const AJV_OPTIONS = Object.freeze({ allErrors: true, strict: false, verbose: true });

// One ajv instance for the whole core; every schema is compiled once, on first use.
const ajv = new Ajv({ ...AJV_OPTIONS });
let documentValidator: ValidateFunction | undefined;
const configValidators = new Map<string, ValidateFunction>();

/**
 * Validators generated ahead of time (ajv standalone code) for the graph document and each node
 * type's config, keyed by type id.
 */
export interface PrecompiledValidators {
  document: ValidateFunction;
  configs: Readonly<Record<string, ValidateFunction>>;
}

let precompiled: PrecompiledValidators | undefined;

/**
 * Uses validators generated at build time instead of compiling schemas at run time. Compiling
 * means generating code and running it with `new Function`, which a page whose Content Security
 * Policy has no `'unsafe-eval'` (the builder's) refuses; the builder's build generates them.
 * Types without a generated validator still compile on first use.
 *
 * @example
 * usePrecompiledValidators({ document, configs });
 * validateGraph(doc); // no code generated at run time
 */
export function usePrecompiledValidators(validators: PrecompiledValidators): void {
  precompiled = validators;
  documentValidator = undefined;
  configValidators.clear();
}

/**
 * The compiled validator of the graph document's shape.
 *
 * @example
 * const validate = graphDocumentValidator();
 * if (!validate(body)) console.log(validate.errors);
 */
export function graphDocumentValidator(): ValidateFunction {
  documentValidator ??= precompiled?.document ?? ajv.compile(GraphDocumentSchema);
  return documentValidator;
}

/** The compiled validator of one node type's config schema. */
export function configValidator(declaration: NodeDeclaration): ValidateFunction {
  let validate = configValidators.get(declaration.type);
  if (!validate) {
    validate = precompiled?.configs[declaration.type] ?? ajv.compile(declaration.config);
    configValidators.set(declaration.type, validate);
  }
  return validate;
}
