import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../../scripts/api-types.js';

describe('src/api/openapi.ts', () => {
  it('is generated from docs/api/openapi.json', async () => {
    expect(
      readFileSync(API_TYPES_FILE, 'utf8') === (await apiTypesSource()),
      'builder-ui/src/api/openapi.ts is stale: run `npm run gen:api -w builder-ui`.',
    ).toBe(true);
  });
});
