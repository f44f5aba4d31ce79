import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** Where the generated types live. */
export const API_TYPES_FILE = fileURLToPath(new URL('../src/api/openapi.ts', import.meta.url));
const OPENAPI_FILE = fileURLToPath(new URL('../../docs/api/openapi.json', import.meta.url));

/** The TypeScript source of the API's types, from docs/api/openapi.json. */
export async function apiTypesSource(): Promise<string> {
  const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Parameters<
    typeof openapiTS
  >[0];
  const header =
    '// Generated from docs/api/openapi.json by `npm run gen:api -w builder-ui`: do not edit.\n';
  return header + astToString(await openapiTS(document));
}
