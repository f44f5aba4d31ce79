import type { ValidatorType } from '@rjsf/utils';

/**
 * RJSF's validator for our forms, whose checks live elsewhere: the install form shows the
 * service's per-setting problems (`invalid_vars`), the config panel `validateGraph`'s issues.
 * RJSF's own validator (ajv) compiles schemas to code at run time, which the service's CSP
 * forbids. Our forms draw no `oneOf`/`anyOf`/`if` — the only places RJSF asks for a verdict
 * while drawing — and one that does fails loudly here.
 *
 * @example
 * <Form validator={formValidator} noValidate extraErrors={varErrors(error.details)} … />
 */
export const formValidator: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: () => {
    throw new Error(
      'This form is checked outside RJSF and cannot choose between schema branches (oneOf/anyOf/if): give it a schema without them.',
    );
  },
  rawValidation: () => ({ errors: [] }),
};
