import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendGraph } from '../../testing/service-fixtures.js';
import { startTestService, type TestService } from '../../testing/service-harness.js';

let service: TestService;
const GUILD = '100000000000000077';
const graphs = `/api/guilds/${GUILD}/graphs`;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.close());

/** A sendGraph document as JSON text with `vars` replaced (raw, so `__proto__` is sent as a key). */
function withVars(varsJson: string): string {
  return JSON.stringify(sendGraph('hi')).replace('"vars":{}', `"vars":${varsJson}`);
}

describe('reserved variable names over the API', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'POST …/graphs answers 400 invalid_document for the variable "%s", saving nothing',
    async (name) => {
      const before = await service.store.graphs.countDocuments({ guildId: GUILD });
      const answer = await service.api('POST', graphs, {
        rawBody: withVars(`{ "channel": "1", "${name}": { "isAdmin": true } }`),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('invalid_document');
      expect(answer.body.error.details).toEqual([
        {
          path: `vars.${name}`,
          code: 'invalid_document',
          message: expect.stringContaining(`The variable name "${name}" is reserved`),
        },
      ]);
      expect(await service.store.graphs.countDocuments({ guildId: GUILD })).toBe(before);
    },
  );

  it('refuses to publish a flow.setVariables that sets __proto__ (the draft keeps it as an issue)', async () => {
    const doc = JSON.stringify(sendGraph('hi')).replace(
      '"edges":[',
      '"edges":[{"id":"e9","source":"send","sourceHandle":"out","target":"set"},',
    );
    const setNode =
      '{"id":"set","type":"flow.setVariables","position":{"x":0,"y":0},"config":{"values":{"__proto__":{"isAdmin":true}}}}';
    const created = await service.api('POST', graphs, {
      rawBody: doc.replace('"nodes":[', `"nodes":[${setNode},`),
    });
    expect(created.status).toBe(201);
    const issue = {
      nodeId: 'set',
      path: 'nodes[0].config.values.__proto__',
      code: 'invalid_config',
      message: expect.stringContaining('The variable name "__proto__" is reserved'),
    };
    expect(created.body.issues).toEqual([issue]);

    const publish = await service.api('POST', `${graphs}/${created.body.id}/publish`);
    expect(publish.status).toBe(400);
    expect(publish.body.error.code).toBe('invalid_graph');
    expect(publish.body.error.details).toEqual([issue]);
  });
});
