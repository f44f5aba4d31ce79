import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPENAPI_COMMAND, openApiDocument } from './openapi-document.js';

// What every route answers is checked against this file by the contract test, where the service
// meets the Discord sandbox (server/src/contract/openapi.test.ts).
const FILE = fileURLToPath(new URL('../../../../docs/api/openapi.json', import.meta.url));

describe('docs/api/openapi.json', () => {
  it('is the document generated from the routes and their schemas', () => {
    let current = '';
    try {
      current = readFileSync(FILE, 'utf8');
    } catch {
      // reported below
    }
    expect(
      current === `${JSON.stringify(openApiDocument(), null, 2)}\n`,
      `docs/api/openapi.json is stale: run \`${OPENAPI_COMMAND}\`.`,
    ).toBe(true);
  });
});
