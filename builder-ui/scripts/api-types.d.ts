/** Where the generated types live. */
export declare const API_TYPES_FILE: string;
/** The TypeScript source of the API's types, from docs/api/openapi.json. */
export declare function apiTypesSource(): Promise<string>;
