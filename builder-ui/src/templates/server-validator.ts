import type { ValidatorType } from '@rjsf/utils';

/**
 * RJSF's validator for forms the service validates: the install form sends the vars and shows
 * the service's per-setting problems (`invalid_vars`) under each field. RJSF's own validator
 * compiles schemas to code at run time (ajv), which the service's CSP forbids; the service's
 * check is the one that counts anyway. The form draws no `oneOf`/`anyOf`/`if`, the only
 * places RJSF would ask for a verdict while drawing: one that does fails loudly here.
 *
 * @example
 * <Form validator={serverValidator} noValidate extraErrors={varErrors(error.details)} … />
 */
export const serverValidator: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: () => {
    throw new Error(
      'This form is validated by the service and cannot choose between schema branches (oneOf/anyOf/if): give the template plain parameters.',
    );
  },
  rawValidation: () => ({ errors: [] }),
};
