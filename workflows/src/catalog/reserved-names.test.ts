import { describe, expect, it } from 'vitest';
import { TemplateError, instantiate, instantiator, welcome } from '../index.js';
import { defineTemplate, type ParametersSchema, type Template } from './define.js';

const welcomeVars = {
  welcomeChannelId: '1300000000000000101',
  newcomerRoleId: '1300000000000000201',
};

/** The welcome parameters with one more string parameter, added to the JSON text (an own key). */
function parametersWith(name: string): ParametersSchema {
  const json = JSON.stringify(welcome.parameters).replace(
    '"properties":{',
    `"properties":{"${name}":{"type":"string","title":"x","description":"x"},`,
  );
  return JSON.parse(json) as ParametersSchema;
}

describe('reserved names in template installs', () => {
  it('refuses __proto__ in the install vars as not a parameter of the template', () => {
    const vars = JSON.parse(
      '{ "welcomeChannelId": "1300000000000000101", "newcomerRoleId": "1300000000000000201", "__proto__": { "isAdmin": true } }',
    ) as unknown;
    expect(() => instantiate('welcome', vars)).toThrow(TemplateError);
  });

  it('refuses to define a template with a parameter named __proto__ or constructor', () => {
    for (const name of ['__proto__', 'constructor']) {
      expect(() =>
        defineTemplate({
          id: 'bad',
          category: 'onboarding',
          graph: welcome.graph,
          parameters: parametersWith(name),
        }),
      ).toThrow(`Template "bad": the parameter name "${name}" is reserved`);
    }
  });

  it('never puts a reserved name into the graph vars, even when a parameter schema lets it through', () => {
    // Template objects made without defineTemplate, so its check is bypassed: one declares a
    // `constructor` parameter, the other takes any extra var (so `__proto__` passes ajv).
    const declared: Template = {
      ...welcome,
      id: 'declared',
      parameters: parametersWith('constructor'),
    };
    const open: Template = {
      ...welcome,
      id: 'open',
      parameters: {
        ...welcome.parameters,
        additionalProperties: true,
      } as unknown as ParametersSchema,
    };
    const { instantiate: install } = instantiator([declared, open]);
    for (const [id, name] of [
      ['declared', 'constructor'],
      ['open', '__proto__'],
    ] as const) {
      const vars = JSON.parse(
        `{ ${JSON.stringify(welcomeVars).slice(1, -1)}, "${name}": "admin" }`,
      ) as unknown;
      const doc = install(id, vars);
      expect(Object.hasOwn(doc.vars, name)).toBe(false);
      expect(Object.getPrototypeOf(doc.vars)).toBe(Object.prototype);
      expect(doc.vars).toMatchObject(welcomeVars);
    }
  });
});
