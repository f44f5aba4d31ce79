import Ajv, { type ValidateFunction } from 'ajv';
import type { NodeDeclaration } from '../catalog/define.js';
import { GraphDocumentSchema } from '../graph/schema.js';

/**
 * The options of the core's ajv. The builder's build compiles the same schemas ahead of time
 * with these options (the browser's CSP forbids compiling code at run time), so the errors are
 * the same everywhere.
 *
 * @example
 * new Ajv({ ...AJV_OPTIONS, code: { source: true } });
 */
export const AJV_OPTIONS = Object.freeze({ allErrors: true, strict: false, verbose: true });

// One ajv instance for the whole core; every schema is compiled once, on first use.
const ajv = new Ajv(AJV_OPTIONS);
let documentValidator: ValidateFunction | undefined;
const configValidators = new Map<string, ValidateFunction>();

/**
 * The compiled validator of the graph document's shape.
 *
 * @example
 * const validate = graphDocumentValidator();
 * if (!validate(body)) console.log(validate.errors);
 */
export function graphDocumentValidator(): ValidateFunction {
  documentValidator ??= ajv.compile(GraphDocumentSchema);
  return documentValidator;
}

/**
 * The compiled validator of one node type's config schema.
 *
 * @example
 * configValidator(getNodeType('discord.sendMessage')!)(config);
 */
export function configValidator(declaration: NodeDeclaration): ValidateFunction {
  let validate = configValidators.get(declaration.type);
  if (!validate) {
    validate = ajv.compile(declaration.config);
    configValidators.set(declaration.type, validate);
  }
  return validate;
}
