// Generated from docs/api/openapi.json by `npm run gen:api -w builder-ui`: do not edit.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health of each dependency */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Temporal and the store are up. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description Temporal or the store is down (see the booleans). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The node catalog */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every node type with its config schema, ports and UI hints. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Catalog"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the graphs of a guild */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The live graphs, most recently changed first (drafts omitted). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphList"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a graph from a graph document
         * @description The document becomes the draft. A body that is not a well-formed document answers 400 `invalid_document` with the validation list; a well-formed document with other problems is saved, with them in `issues`. A `trigger.webhook` graph gets its webhook; the answer is the only one that shows its secret.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GraphDocument"];
                };
            };
            responses: {
                /** @description Created; `Location` and `ETag` are set. */
                201: {
                    headers: {
                        /** @description The revision, quoted. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphResource"];
                    };
                };
                /** @description `invalid_document` (details: the validation list) or `invalid_json`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `payload_too_large`: the body is over 1 MB. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unsupported_media_type`: send JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a graph */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The graph, with its ETag. */
                200: {
                    headers: {
                        /** @description The revision, quoted. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphResource"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Save the draft
         * @description Send `If-Match: "<revision>"` (the ETag you loaded) so a save never overwrites someone else’s; without it the save is unconditional.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act only if the graph is still at this ETag, e.g. `"3"`; else 412. */
                    "If-Match"?: string;
                };
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GraphDocument"];
                };
            };
            responses: {
                /** @description Saved. */
                200: {
                    headers: {
                        /** @description The revision, quoted. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphResource"];
                    };
                };
                /** @description `invalid_document` with the validation list. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `conflict`: If-Match does not match the current ETag — someone changed the graph since you loaded it. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a graph */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act only if the graph is still at this ETag, e.g. `"3"`; else 412. */
                    "If-Match"?: string;
                };
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted, but a running gateway did not confirm within 3 s that it stopped routing the graph (`routing` says which, and what to do). */
                202: {
                    headers: {
                        /** @description The revision, quoted. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeleteAnswer"];
                    };
                };
                /** @description Deleted; new runs stop, running runs finish. For a graph started by Discord events, every running gateway has stopped routing it. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `conflict`: If-Match does not match the current ETag — someone changed the graph since you loaded it. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `activation_failed` (a trigger hook failed; the change was undone), or `store_unavailable`. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft as a new immutable version
         * @description Validates, snapshots version n+1, enables the graph and updates its triggers; on any failure the previous state stays.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act only if the graph is still at this ETag, e.g. `"3"`; else 412. */
                    "If-Match"?: string;
                };
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Published and enabled. For a graph started by Discord events, `routing` says whether every running gateway routes by the new version (publish waits up to 3 s for them). */
                200: {
                    headers: {
                        /** @description The revision, quoted. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphResource"];
                    };
                };
                /** @description `invalid_graph`: details is the validation list. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `publish_in_progress`: another publish of this graph is running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `conflict`: If-Match does not match the current ETag — someone changed the graph since you loaded it. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `activation_failed` (a trigger hook failed; the change was undone), or `store_unavailable`. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a graph */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act only if the graph is still at this ETag, e.g. `"3"`; else 412. */
                    "If-Match"?: string;
                };
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Disabled (idempotent); `routing` says whether every running gateway has stopped routing it. */
                200: {
                    headers: {
                        /** @description The revision, quoted. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphResource"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `conflict`: If-Match does not match the current ETag — someone changed the graph since you loaded it. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `activation_failed` (a trigger hook failed; the change was undone), or `store_unavailable`. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the published versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VersionList"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one published version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The immutable snapshot. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VersionDetail"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/preflight": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preflight: what may fail once the graph runs in this guild
         * @description Warnings before publishing (never blocking): the bot lacks a permission a node needs (guild-level from its roles, and channel overwrites for a literal channel), a role to give or take sits at or above the bot’s highest role, a message channel is not a text channel or does not exist, a message can exceed Discord’s limits once rendered, a `discord.reply` comes after more than 15 minutes of waiting. The guild is read as the bot; when it cannot be, the graph-only warnings answer with `discord: "unavailable"` and `discordError`. Slash commands are always deferred by the gateway before the run starts, so no “3 s without deferral” warning exists. See docs/api/README.md, Preflight.
         */
        get: {
            parameters: {
                query?: {
                    /** @description A published version to check; without it, the draft. */
                    version?: string;
                };
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The warnings, each naming its node and field and what to do. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreflightReport"];
                    };
                };
                /** @description `invalid_request`: `version` is not a positive whole number. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph or version in this guild, or a guild you may not manage. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make an earlier version the published one
         * @description Re-points the graph to an existing version, enables it and updates its triggers. Running runs keep the version they started with.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act only if the graph is still at this ETag, e.g. `"3"`; else 412. */
                    "If-Match"?: string;
                };
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RollbackBody"];
                };
            };
            responses: {
                /** @description Rolled back; `routing` as for publish. */
                200: {
                    headers: {
                        /** @description The revision, quoted. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GraphResource"];
                    };
                };
                /** @description `unknown_version` or `invalid_request`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `conflict`: If-Match does not match the current ETag — someone changed the graph since you loaded it. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `activation_failed` (a trigger hook failed; the change was undone), or `store_unavailable`. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/webhook/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or rotate the webhook secret
         * @description The old secret stops working at once; the URL and the signing mode stay. The new secret is shown only in this answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new secret, with the hook’s signing mode. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSecret"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_a_webhook_graph`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set how the webhook’s deliveries are signed
         * @description `timestamped` (the default): HMAC of `<timestamp>.<raw body>`, fresh within 5 minutes, each delivery accepted once. `body`: HMAC of the raw body alone, for senders that cannot sign a timestamp — a captured delivery can then be replayed, and the answer (like the graph resource) says so with `replayable: true` and a `warning`. Takes effect at once; audited as `webhook.signing`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WebhookSettingsBody"];
                };
            };
            responses: {
                /** @description The hook as it is now (its secret only if this call created the hook). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookInfo"];
                    };
                };
                /** @description `invalid_request`: `signing` must be `timestamped` or `body`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_a_webhook_graph`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a manual or test run
         * @description Runs the published version; with `draft: true`, or while nothing is published, the current draft (validated first) as version 0. A draft runs in the sandbox only: `simulate` defaults to true for it and `false` is refused (publish to run it on the server). Simulated runs use the graph’s pins (…/pins) unless `pins: false`; other runs never do. `payload` defaults to a manual trigger’s `samplePayload`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RunStartBody"];
                };
            };
            responses: {
                /** @description Started; follow it at `Location`. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunStarted"];
                    };
                };
                /** @description `invalid_graph` (the draft), `sandbox_only` (a draft with `simulate: false`) or `invalid_request` (e.g. `pins: true` on a run that is not simulated). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` or `store_unavailable`; nothing was started or changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List runs (from Temporal visibility) */
        get: {
            parameters: {
                query?: {
                    /** @description Only this graph’s runs. */
                    graphId?: string;
                    /** @description running, completed, failed, cancelled, terminated or timed_out. */
                    status?: string;
                    /** @description 1–200, default 50. */
                    limit?: number;
                    /** @description The `nextCursor` of the previous page, with the same `graphId` and `status` (opaque). */
                    cursor?: string;
                };
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Newest first (running runs, then by end), one page; `nextCursor` is null on the last. Closed runs are kept 30 days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunPage"];
                    };
                };
                /** @description `invalid_request`: a bad filter, or a cursor this API did not give or gave for other filters. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` or `store_unavailable`; nothing was started or changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run node by node */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Steps from the running workflow, its result, or a replay of the closed workflow. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunDetail"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` or `store_unavailable`; nothing was started or changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/runs/{runId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a run live (server-sent events)
         * @description A `text/event-stream`: `run` first (the run as `GET …/runs/{runId}` answers it), then `step` with the whole step list each time it changes (within a second: one watcher per run per service process long-polls its history and reads the steps only when a workflow task completed), then `end` with the closing status, and the stream closes. A comment line every 15 s keeps proxies from closing an idle stream. `error` (`watch_failed`) ends a stream that lost Temporal for good: reconnect. A finished run answers `run` and `end` at once. Errors before the stream starts (404, 503) are JSON.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event stream. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` or `store_unavailable`; nothing was started or changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/runs/{runId}/rerun": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a run again
         * @description Starts a new run with what this one was started with: the same graph version (a test run: the same draft snapshot), trigger payload and options (`simulate`, `timeScale`, pins). The interaction of a slash command or button is not kept.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Started. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunStarted"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `run_not_rerunnable`: not started by Guildflow’s interpreter. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` or `store_unavailable`; nothing was started or changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/runs/{runId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a running run */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cancellation requested. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunCancelRequested"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `run_not_running`. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` or `store_unavailable`; nothing was started or changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the prebuilt templates */
        get: {
            parameters: {
                query?: {
                    /** @description `graph`: add each template’s graph documents (`graph`, the main one, and `documents`, all of them; their configs read `{{ vars.x }}`), e.g. to draw a preview. */
                    include?: "graph";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every template with the JSON Schema of the vars its install takes. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateList"];
                    };
                };
                /** @description `invalid_request`: `include` is not `graph`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/templates/{templateId}/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install a template as new graphs
         * @description Checks `vars` against the template’s parameters (omitted ones take their defaults) and saves each of the template’s graph documents, with the vars filled in, as the draft of a new graph — exactly like `POST …/graphs`. Answers with the main graph’s resource and `installed`, every graph created (a template whose feature starts from several triggers installs several graphs). All or nothing: when one cannot be saved, none is kept. Publish them to turn them on.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateInstallBody"];
                };
            };
            responses: {
                /** @description Installed as drafts; `Location` and `ETag` are the main graph’s. */
                201: {
                    headers: {
                        /** @description The revision, quoted. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateInstallAnswer"];
                    };
                };
                /** @description `invalid_vars` (details: `{ var, path, message }` per problem), `invalid_request` or `invalid_json`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no template with that id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unsupported_media_type`: send JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guild’s audit log */
        get: {
            parameters: {
                query?: {
                    /** @description Only this graph’s entries. */
                    graphId?: string;
                    /** @description 1–500, default 100. */
                    limit?: number;
                };
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Who changed what and when, newest first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditList"];
                    };
                };
                /** @description `invalid_request`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/{hookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver an inbound webhook (starts a run)
         * @description The URL is the graph resource’s `webhook.url`. No bearer token: the HMAC signature authenticates the request (docs/api/webhooks.md). The published version runs with the payload `{ body, query, headers }` (body parsed as JSON for a JSON content type, else text; signature, authorization and cookie headers removed). A timestamped delivery is accepted once: a copy of it within its 5-minute window (whatever its Idempotency-Key) answers the first run’s id and starts nothing. Checked in this order: hook, size, signature, graph state, copy of an accepted delivery, rate limit, the plan’s monthly runs.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description `sha256=<hex HMAC-SHA256>` keyed with the hook secret, over `<timestamp>.<raw body>` — or over the raw body alone, without X-Guildflow-Timestamp, on a hook switched to body-only signing (replayable). */
                    "X-Guildflow-Signature": string;
                    /** @description Unix seconds, covered by the signature; must be within 5 minutes of the server clock. Required unless the hook uses body-only signing. */
                    "X-Guildflow-Timestamp"?: string;
                    /** @description Up to 255 characters; a repeated key answers the first delivery’s runId and starts nothing new. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    hookId: string;
                };
                cookie?: never;
            };
            /** @description Any content type, at most 256 kB, uncompressed. The signature covers these exact bytes. */
            requestBody?: {
                content: {
                    "*/*": unknown;
                };
            };
            responses: {
                /** @description A run of the published version started (or, for a copy of an accepted delivery or a repeated Idempotency-Key, had started). */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HookAccepted"];
                    };
                };
                /** @description `invalid_json` (JSON content type, body does not parse) or `invalid_request` (Idempotency-Key). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `invalid_signature` (missing, malformed or wrong), `timestamp_required` (no X-Guildflow-Timestamp on a timestamped hook) or `stale_timestamp`; nothing started. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `plan_limit` (hosted, billing on): the server used its plan’s runs for this month; nothing started. */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no hook with this id (or its graph was deleted). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `graph_disabled` (not published, or disabled) or `not_a_webhook_graph` (the published trigger is another). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `payload_too_large`: the body is over 256 kB. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unsupported_media_type`: a compressed (Content-Encoding) body. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over this hook’s limit; `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` or `store_unavailable`; nothing was started or changed. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/discord": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with Discord
         * @description A browser navigation, not an API call: sets a short-lived HttpOnly SameSite=Lax `state` cookie and redirects to Discord’s consent page (scopes `identify guilds`). See docs/api/README.md, Signing in.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To Discord’s consent page. */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `rate_limited`: too many sign-in requests from this address (30 per 10 minutes by default). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sign_in_not_configured`: set DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET and GUILDFLOW_PUBLIC_URL. */
                501: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/discord/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finish signing in with Discord (the redirect URI)
         * @description Where Discord sends the browser back. Checks `state` against the cookie, exchanges the code, reads the user and their guilds (owner, Manage Server or Administrator) and creates a session, then redirects to `/login#token=<session token>`. Failures create no session; browsers (Accept: text/html) get an HTML page, other clients the JSON error.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The authorization code. */
                    code?: string;
                    /** @description Must match the state cookie. */
                    state?: string;
                    /** @description Set by Discord instead of a code, e.g. `access_denied`. */
                    error?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed in: to `/login#token=…` (the token stays in the fragment). */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `sign_in_state_mismatch` (not started in this browser, or too old), `sign_in_failed` (code expired or used) or `invalid_request`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sign_in_denied`: the user cancelled on Discord. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: too many sign-in requests from this address (30 per 10 minutes by default). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sign_in_not_configured`. */
                501: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sign_in_failed`: Discord refused the client credentials or could not be reached. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the token belongs to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The admin, or the signed-in user and the guilds they manage. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The session token stops working at once. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_a_session`: the admin token cannot be signed out. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sandbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sandbox guilds
         * @description The Discord sandbox’s guilds with their channels, roles and members (one shared playground with made-up members: every signed-in caller may use it).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The guilds and the bot’s user id. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sandbox"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sandbox_unavailable`: no Discord sandbox is configured (GUILDFLOW_SANDBOX_URL) or it does not answer. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sandbox/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inject member activity into the sandbox
         * @description `type` is a trigger name without its prefix: `memberJoined { user: { username } }`, `memberLeft { userId }`, `messageCreated { channelId, userId, content }`, `reactionAdded { channelId, messageId, userId, emoji }`, `buttonClicked { channelId, messageId, userId, customId }`, `slashCommand { channelId, userId, name, options }`. The gateway delivers it like Discord, so published graphs run.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SandboxEvent"];
                };
            };
            responses: {
                /** @description Injected. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SandboxEventResult"];
                    };
                };
                /** @description `invalid_request` (unknown type: the message lists the types) or `invalid_json`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such guild, channel, member or message in the sandbox. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sandbox_refused`: Discord would not let the member do this (permissions, timeout). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unsupported_media_type`: send JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sandbox_unavailable`: no Discord sandbox is configured (GUILDFLOW_SANDBOX_URL) or it does not answer. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sandbox/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The slash commands of a sandbox guild
         * @description What the bot registered there (published `trigger.slashCommand` graphs), with the options members fill in — for forms that run a command as a member (POST /api/sandbox/events, type `slashCommand`).
         */
        get: {
            parameters: {
                query?: {
                    /** @description The sandbox guild (required). */
                    guildId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description In registration order. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SandboxCommandList"];
                    };
                };
                /** @description `invalid_request`: no guild id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sandbox_unavailable`: no Discord sandbox is configured (GUILDFLOW_SANDBOX_URL) or it does not answer. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sandbox/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the bot posted in the sandbox */
        get: {
            parameters: {
                query?: {
                    /** @description Only this guild. */
                    guildId?: string;
                    /** @description Only this channel. */
                    channelId?: string;
                    /** @description Only the bot’s DMs with this user. */
                    dmUserId?: string;
                    /** @description `bot` (default) or `all` (members’ messages too). */
                    authors?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description In creation order. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SandboxMessageList"];
                    };
                };
                /** @description `invalid_request`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such guild or channel. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sandbox_unavailable`: no Discord sandbox is configured (GUILDFLOW_SANDBOX_URL) or it does not answer. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sandbox/guilds/{guildId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sandbox member’s state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Roles, timeout, ban and kick. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SandboxMember"];
                    };
                };
                /** @description `invalid_request`: ids are digits. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: never a member of that guild. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `sandbox_unavailable`: no Discord sandbox is configured (GUILDFLOW_SANDBOX_URL) or it does not answer. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/stripe/objects/{objectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record a Stripe object for a guild (operator only)
         * @description Records that the guild owns a Stripe customer (cus_…), subscription (sub_…), checkout session (cs_…) or promotion code (promo_…) made outside Guildflow, so the guild’s Stripe actions may read and change it. Objects its graphs create are recorded by themselves. Admin token only (a server recording ids itself could claim another server’s objects on a shared account); an owner is never replaced. Audited as `stripe.record`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    objectId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Already recorded for this guild. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StripeObject"];
                    };
                };
                /** @description Recorded. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StripeObject"];
                    };
                };
                /** @description `invalid_request`: not a cus_, sub_, cs_ or promo_ id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `admin_only`: only the admin token records Stripe objects. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph/run in this guild, or a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `stripe_object_owned`: another guild owns it. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stripe/webhook/guilds/{guildId}/{credential}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A server’s own Stripe account’s webhook endpoint (starts trigger.stripeEvent graphs)
         * @description The URL a server pastes into its own Stripe account (Developers → Webhooks), with its id and the name of its `stripe` credential; the credential’s `webhookSecret` is that endpoint’s signing secret. Each verified event belongs to that server and starts its published `trigger.stripeEvent` graphs whose event list matches. The run id is `stripe_<event id>_<graph id>` (a redelivery starts nothing twice). A completed checkout of a session the server’s graph created records the customer and subscription it bought as the server’s.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Stripe’s signature header (`t=…,v1=…`). */
                    "Stripe-Signature": string;
                };
                path: {
                    guildId: string;
                    credential: string;
                };
                cookie?: never;
            };
            /** @description The Stripe event JSON exactly as Stripe sent it; the signature covers these bytes. */
            requestBody?: {
                content: {
                    "*/*": unknown;
                };
            };
            responses: {
                /** @description Verified; `runs` says how many runs this delivery started. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StripeWebhookReceived"];
                    };
                };
                /** @description `invalid_signature`: missing or wrong signature (not this credential’s signing secret); nothing started. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: the server has no `stripe` credential of that name; nothing started. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: too many deliveries from this address (600 a minute by default); nothing started, Stripe delivers again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` or `store_unavailable` (Stripe delivers again), `stripe_not_configured` (the credential cannot be opened with GUILDFLOW_SECRET_KEY). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/pins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The graph’s pinned node outputs
         * @description Pins are test data kept beside the graph, not in its document (no version holds them). A simulated run (every run of the draft; a run of the published version with `simulate: true`) does not execute a pinned node: its step completes with the pinned output and port and `pinned: true`. Runs that are not simulated never use pins — the engine ignores them.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The pins, by node id. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PinList"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph (or node in its draft, or pin) in this guild, or a guild you may not manage. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/graphs/{graphId}/pins/{nodeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Pin a node’s output (typed, or copied from a run)
         * @description The node must be an action of the draft (Discord, data, HTTP, Stripe): a trigger’s output is the run’s payload and flow nodes decide the path, so neither can be pinned. `{ output, port? }` pins a typed output (at most 64 KiB of JSON; a graph’s pins at most 512 KiB) leaving by `port` (one of the node’s ports, default its first); `{ fromRun }` copies the output and port of the node’s last finished step in that run of this graph (outputs the step log keeps only as a preview, over 2,000 characters of JSON, cannot be copied). Replaces the node’s pin.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                    nodeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PinBody"];
                };
            };
            responses: {
                /** @description Pinned. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pin"];
                    };
                };
                /** @description `not_pinnable` (a trigger or flow node, or a run without a usable step of the node) or `invalid_request` (neither or both of output/fromRun, a port that is not the node’s, too large). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph, node in its draft or run of this graph in this guild. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` (reading the run of `fromRun`) or `store_unavailable`; nothing was changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Unpin a node */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    graphId: string;
                    nodeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unpinned: test runs execute the node again. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: no such graph (or node in its draft, or pin) in this guild, or a guild you may not manage. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The guild’s credentials (names, types, last use — never values)
         * @description Lists the guild’s credentials by name. A value is never shown again after it is stored: the list says which exist, of which type, when they were added and when a run last used them (`lastUsedAt`, updated at most once a minute).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The credentials, by name. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CredentialList"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: a guild you may not manage (never 403), or, for DELETE, no credential by that name. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `store_unavailable`; nothing was changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Store a credential
         * @description Stores a named secret, encrypted at rest with GUILDFLOW_SECRET_KEY. `type` `bearer` takes the token as `value`; `basic` `{ username, password }`; `header` `{ header, value }`; `stripe` `{ secretKey, webhookSecret }` (the guild’s own Stripe account). A name is never overwritten: to replace a secret, DELETE it and add it again (both are audited, without the value). At most 50 per guild. Error messages name fields and rules, never any part of a value.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CredentialBody"];
                };
            };
            responses: {
                /** @description Stored; the value is not shown again. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CredentialCreated"];
                    };
                };
                /** @description `invalid_request` (a name outside `^[A-Za-z][A-Za-z0-9_-]{0,63}$`, an unknown type, a value of the wrong shape, a line break in a value) or `limit_reached` (50 credentials already). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: a guild you may not manage (never 403), or, for DELETE, no credential by that name. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `conflict`: the guild has a credential by that name; delete it first. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `store_unavailable`; nothing was changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/credentials/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a credential
         * @description Removes the credential; runs that name it afterwards fail with `InvalidConfig` until one by that name is added again.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: a guild you may not manage (never 403), or, for DELETE, no credential by that name. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `store_unavailable`; nothing was changed. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The guild’s plan, limits, usage and invoices
         * @description With billing off (a self-hosted install: no STRIPE_SECRET_KEY) the answer is `{ billing: "off", plan: "self-hosted", limits: null }` and nothing is limited. With billing on: the plan that applies now (Free by default; a paid plan whose 7-day grace period after a failed payment ended reads as Free), its limits (`null`: unlimited), this calendar month’s usage (UTC), renewal, the latest invoices, every plan with its price and limits, and the graphs the last downgrade disabled.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The billing state (on or off). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Billing"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: a guild you may not manage (never 403). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `store_unavailable`. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/billing/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a Stripe Checkout to subscribe to a plan
         * @description Creates (once) the guild’s Stripe customer and a Checkout session in subscription mode for the plan’s price (promotion codes allowed); send the browser to `url`. Stripe returns it to `/guilds/{guildId}/billing?checkout=success` (or `=cancelled`); the plan changes when Stripe’s `checkout.session.completed` reaches `/stripe/webhook`. Audited as `billing.checkout`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CheckoutBody"];
                };
            };
            responses: {
                /** @description The Checkout page. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BillingRedirect"];
                    };
                };
                /** @description `invalid_request`: `plan` is not `premium` or `enterprise`. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: a guild you may not manage (never 403); `billing_off`: this install has no billing (no STRIPE_SECRET_KEY). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `already_on_plan`: the guild is subscribed to this plan; `subscription_exists`: it pays for another plan — change plans in the portal (one subscription per guild). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `stripe_unavailable`: Stripe did not answer or refused; nothing was charged. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `billing_misconfigured` (no Stripe price for the plan) or `store_unavailable`. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/billing/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the Stripe customer portal
         * @description A Stripe customer portal session for the guild’s customer (change plan, payment method, invoices, cancel); it returns to the builder’s billing page.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The portal page. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BillingRedirect"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: a guild you may not manage (never 403); `billing_off`: this install has no billing (no STRIPE_SECRET_KEY). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `no_customer`: the guild never opened a checkout; choose a plan first. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `stripe_unavailable`: Stripe did not answer or refused; nothing was charged. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The service’s Stripe webhook (billing)
         * @description Register this URL on the service’s own Stripe account for `checkout.session.completed`, `customer.subscription.updated`, `customer.subscription.deleted`, `invoice.paid` and `invoice.payment_failed`, and set STRIPE_WEBHOOK_SECRET to its signing secret. Each verified event updates the plan of the guild whose Stripe customer it concerns; it is applied once per event id (a replay answers `duplicate: true` and changes nothing) and audited. A failed payment starts a 7-day grace period; a cancellation or a cheaper plan disables the newest published graphs beyond the new limit. Other event types, unknown customers and an install with billing off are acknowledged with `applied: false`. A guild’s own Stripe account events (`trigger.stripeEvent`) do not come here.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Stripe’s signature header (`t=…,v1=…`). */
                    "Stripe-Signature": string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description The Stripe event JSON exactly as Stripe sent it; the signature covers these bytes. */
            requestBody?: {
                content: {
                    "*/*": unknown;
                };
            };
            responses: {
                /** @description Verified; `applied` says whether it changed a plan. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BillingWebhookReceived"];
                    };
                };
                /** @description `invalid_signature`: missing or wrong signature; nothing changed. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: too many deliveries from this address; nothing changed, Stripe delivers again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `stripe_not_configured` (no STRIPE_WEBHOOK_SECRET) or `store_unavailable` (Stripe delivers again). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How people can sign in here
         * @description The sign-in page offers “Sign in with Discord” only when this answers `discord: true`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The sign-in link always works; Discord when configured. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignInMethods"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The guilds you can open
         * @description The admin: every guild the bot is in (the sandbox guilds, or Discord’s), plus guilds that have graphs without the bot. A signed-in user: the guilds Discord confirmed they manage, named when the bot is in them. When Discord cannot be read the list still answers, with `discordError` saying why.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The guilds, the bot’s first, in Discord’s order. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GuildList"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/discord": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Channels, roles and members of a guild (for pickers)
         * @description Read as the bot from Discord or the sandbox and kept for 15 s. Members: the first 1,000, or with `q` up to 100 whose username starts with it (on Discord, listing members needs the bot’s Server Members intent; without it the list is empty).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Search members by the start of their username (1–100 characters). */
                    q?: string;
                };
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The guild’s channels, roles and members. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GuildDiscord"];
                    };
                };
                /** @description `invalid_request`: `q` is empty or too long. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `not_found`: a guild you may not manage, or one the bot is not in (invite it). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `discord_unavailable`: no bot is configured (DISCORD_TOKEN or the sandbox), or Discord (the sandbox) does not answer or rate-limits the bot. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guilds/{guildId}/runs/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The last run of each graph
         * @description One run per graph of the guild that has run (the running one if any, else the one that ended last), read from Temporal visibility in a few queries — the graph list’s “last run” column in one request.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    guildId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description At most one run per graph; graphs that never ran are absent. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunList"];
                    };
                };
                /** @description `unauthorized`: no, wrong or expired bearer token, or a session that has ended (signed out, or Discord revoked the grant: sign in again). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: over your API limit (per admin token or signed-in user; 600 a minute by default), or too many failed tokens from your address. `Retry-After` says when to retry. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `temporal_unavailable` or `store_unavailable`: the last runs cannot be read right now. Or `discord_unavailable`: a signed-in user’s servers could not be confirmed with Discord for too long (Discord unreachable); retry later. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEntry: {
            /** Format: date-time */
            at: string;
            actor: {
                kind: "admin" | "user";
                id: string;
            };
            action: string;
            graphId: string | null;
            runId: string | null;
            before: {
                [key: string]: unknown;
            } | null;
            after: {
                [key: string]: unknown;
            } | null;
            note: string | null;
        };
        AuditList: {
            entries: components["schemas"]["AuditEntry"][];
        };
        Billing: components["schemas"]["BillingOn"] | components["schemas"]["BillingOff"];
        BillingOff: {
            /** @constant */
            billing: "off";
            /** @constant */
            plan: "self-hosted";
            limits: null;
        };
        BillingOn: {
            /** @constant */
            billing: "on";
            /** @enum {string} */
            plan: "free" | "premium" | "enterprise";
            planName: string;
            /** @enum {string} */
            status: "active" | "past_due" | "canceled";
            /**
             * Format: date-time
             * @description After a failed payment: the paid plan holds until then, then Free.
             */
            graceEndsAt?: string;
            limits: components["schemas"]["Limits"];
            usage: {
                publishedGraphs: number;
                runsThisPeriod: number;
                /** Format: date-time */
                periodStart: string;
                /** Format: date-time */
                periodEnd: string;
            };
            /** Format: date-time */
            renewsAt?: string;
            invoices?: {
                id: string;
                number: string | null;
                status: string;
                amountPaid: number;
                currency: string;
                /** Format: date-time */
                createdAt: string;
                url?: string;
            }[];
            plans: {
                /** @enum {string} */
                id: "free" | "premium" | "enterprise";
                name: string;
                priceMonthly: {
                    /** @description In the minor unit (cents). */
                    amount: number;
                    currency: string;
                } | null;
                limits: components["schemas"]["Limits"];
            }[];
            /** @description Graphs the last downgrade disabled (drafts kept; publish to restore). */
            disabledGraphs: {
                graphId: string;
                name: string;
            }[];
        };
        BillingRedirect: {
            /** @description The Stripe-hosted page; send the browser there. */
            url: string;
        };
        BillingWebhookReceived: {
            /** @constant */
            received: true;
            /** @description False for a replay (`duplicate`), an event type billing ignores, or a customer no guild has. */
            applied: boolean;
            /** @description This event id was applied before: nothing changed. */
            duplicate: boolean;
        };
        Catalog: {
            groups: string[];
            nodes: ({
                type: string;
                kind: "trigger" | "action" | "control";
                group: string;
                title: string;
                description: string;
                configSchema: {
                    [key: string]: unknown;
                };
                outputSchema: {
                    [key: string]: unknown;
                };
                ports: {
                    inputs: string;
                    outputs: {
                        [key: string]: unknown;
                    }[];
                    error: boolean;
                };
                ui: {
                    [key: string]: unknown;
                };
                examples: unknown[];
            } & {
                [key: string]: unknown;
            })[];
        };
        CheckoutBody: {
            /**
             * @description The paid plan to subscribe to.
             * @enum {string}
             */
            plan: "premium" | "enterprise";
        };
        Credential: {
            name: string;
            /** @enum {string} */
            type: "bearer" | "basic" | "header" | "stripe";
            /** Format: date-time */
            createdAt: string;
            /** @description When a run last used it (updated at most once a minute); null if never. */
            lastUsedAt: string | null;
            /** @description A `stripe` credential only: the endpoint to add in that Stripe account (Developers → Webhooks), whose signing secret is the credential’s `webhookSecret`; its events start the server’s `trigger.stripeEvent` graphs. */
            webhookUrl?: string;
        };
        CredentialBody: {
            /** @description Letters, digits, `_` and `-`, starting with a letter, at most 64 characters; unique in the guild. Graphs refer to it by this name. */
            name: string;
            /** @constant */
            type: "bearer";
            /** @description The token, sent as `Authorization: Bearer <token>`. */
            value: string;
        } | {
            /** @description Letters, digits, `_` and `-`, starting with a letter, at most 64 characters; unique in the guild. Graphs refer to it by this name. */
            name: string;
            /** @constant */
            type: "basic";
            value: {
                /** @description Without `:` (Basic auth joins the two with one). */
                username: string;
                password: string;
            };
        } | {
            /** @description Letters, digits, `_` and `-`, starting with a letter, at most 64 characters; unique in the guild. Graphs refer to it by this name. */
            name: string;
            /** @constant */
            type: "header";
            value: {
                /** @description The header to send, e.g. `X-Api-Key`. */
                header: string;
                /** @description The header’s value. */
                value: string;
            };
        } | {
            /** @description Letters, digits, `_` and `-`, starting with a letter, at most 64 characters; unique in the guild. Graphs refer to it by this name. */
            name: string;
            /** @constant */
            type: "stripe";
            value: {
                /** @description The guild’s own Stripe secret or restricted key (`sk_…` / `rk_…`). */
                secretKey: string;
                /** @description The signing secret of the guild’s Stripe webhook endpoint (`whsec_…`). */
                webhookSecret: string;
            };
        };
        CredentialCreated: {
            name: string;
            /** @enum {string} */
            type: "bearer" | "basic" | "header" | "stripe";
            /** Format: date-time */
            createdAt: string;
        };
        CredentialList: {
            /** @description The guild’s credentials by name (at most 50); values are write-only. */
            credentials: components["schemas"]["Credential"][];
        };
        DeleteAnswer: {
            routing: components["schemas"]["RoutingConfirmation"];
        };
        Error: {
            error: {
                /** @description Stable; branch on it. */
                code: "unauthorized" | "not_found" | "invalid_json" | "invalid_request" | "invalid_document" | "invalid_graph" | "unknown_version" | "unsupported_media_type" | "payload_too_large" | "conflict" | "publish_in_progress" | "not_a_webhook_graph" | "graph_disabled" | "invalid_signature" | "stale_timestamp" | "timestamp_required" | "rate_limited" | "method_not_allowed" | "run_not_running" | "run_not_rerunnable" | "sandbox_only" | "not_pinnable" | "invalid_vars" | "sign_in_not_configured" | "sign_in_state_mismatch" | "sign_in_denied" | "sign_in_failed" | "not_a_session" | "discord_unavailable" | "sandbox_unavailable" | "sandbox_refused" | "stripe_not_configured" | "stripe_object_owned" | "stripe_unavailable" | "billing_off" | "billing_misconfigured" | "no_customer" | "already_on_plan" | "subscription_exists" | "plan_limit" | "admin_only" | "activation_failed" | "store_unavailable" | "temporal_unavailable" | "internal";
                /** @description What went wrong and what to do, for people. */
                message: string;
                /** @description The validation list (invalid_document, invalid_graph), the request problems (invalid_request), the var problems (invalid_vars) or the limit a plan sets (plan_limit). */
                details?: unknown[];
            };
        };
        GraphDocument: {
            /** @constant */
            schemaVersion: 1;
            name: string;
            description?: string;
            nodes: {
                /** @description Stable id, referenced by edges and as `nodes.<id>` in expressions. */
                id: string;
                /** @description A node type id of the catalog. */
                type: string;
                position: {
                    x: number;
                    y: number;
                };
                /** @description The node's settings; validated by its type's config schema. */
                config: {
                    [key: string]: unknown;
                };
                /** @description Display name shown in the builder. */
                label?: string;
            }[];
            edges: {
                id: string;
                source: string;
                /**
                 * @description Output port; `out` when omitted.
                 * @default out
                 */
                sourceHandle: string;
                target: string;
                /** @description Input handle (informational: every node has one input). */
                targetHandle?: string;
            }[];
            /**
             * @description Graph variables (`vars.<name>`), e.g. channel and role ids set when a template is installed.
             * @default {}
             */
            vars: {
                [key: string]: unknown;
            };
        };
        GraphList: {
            graphs: components["schemas"]["GraphSummary"][];
        };
        GraphResource: {
            id: string;
            guildId: string;
            name: string;
            enabled: boolean;
            draft: components["schemas"]["GraphDocument"];
            issues: components["schemas"]["ValidationIssue"][];
            publishedVersion: number | null;
            webhook?: components["schemas"]["WebhookInfo"];
            /** @description Bumped by every change; sent as the ETag. */
            revision: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            routing?: components["schemas"]["RoutingConfirmation"];
        };
        GraphSummary: {
            id: string;
            guildId: string;
            name: string;
            enabled: boolean;
            triggerType: string | null;
            issueCount: number;
            publishedVersion: number | null;
            revision: number;
            /** Format: date-time */
            updatedAt: string;
        };
        GuildDiscord: {
            guild: {
                id: string;
                name: string;
            };
            /** @description In Discord’s order (position); threads are not listed. */
            channels: {
                id: string;
                name: string;
                /** @description Discord’s channel type: 0 text, 2 voice, 4 category, 5 announcement, 13 stage, 15 forum, 16 media. */
                type: number;
                /** @description The category. */
                parentId: string | null;
            }[];
            /** @description Highest first; `@everyone` is left out. */
            roles: {
                id: string;
                name: string;
                color: number;
                position: number;
                /** @description Owned by an integration (a bot’s role): nobody can assign it. */
                managed: boolean;
                mentionable: boolean;
            }[];
            /** @description The first 1,000 members by id, or with `?q=` up to 100 whose username starts with it. Empty on Discord when the bot lacks the Server Members intent. */
            members: {
                id: string;
                username: string;
                /** @description Server nickname, else global name, else username. */
                displayName: string;
            }[];
        };
        GuildList: {
            guilds: components["schemas"]["GuildSummary"][];
            /** @description Set when the bot’s servers could not be read (the list then holds only what Guildflow knows without Discord). */
            discordError?: string;
        };
        GuildSummary: {
            id: string;
            /** @description Null when the bot is not in the guild (Guildflow cannot read its name). */
            name: string | null;
            /** @description URL of the guild icon on Discord’s CDN. */
            icon?: string;
            /** @description The bot is in this guild: its channels, roles and members can be read and its graphs can act there. */
            botPresent: boolean;
            /**
             * @description A server of the Discord sandbox (GET /api/sandbox): its members can be acted as through POST /api/sandbox/events.
             * @constant
             */
            sandbox?: true;
        };
        Health: {
            ok: boolean;
            temporal: boolean;
            mongo: boolean;
            /** @description A gateway is running, connected to Discord (or the sandbox) and has loaded its trigger index: events are routed. */
            discord: boolean;
            details: {
                store?: string;
                discord: "sandbox" | "gateway" | "none";
                /** @description The running gateways (heartbeat within 5 s). */
                gateways: {
                    id: string;
                    connected: boolean;
                    indexLoaded: boolean;
                }[];
                errors: {
                    [key: string]: string;
                };
            };
        };
        HookAccepted: {
            /** @description The run (workflow) id. */
            runId: string;
        };
        Limits: {
            /** @description Graphs published at once. */
            publishedGraphs: number | null;
            /** @description Runs the gateway starts per calendar month (UTC). */
            runsPerMonth: number | null;
            /** @description Shortest interval a schedule trigger may repeat at. */
            minScheduleIntervalSeconds: number;
            /** @description How far back the run list reaches. */
            runRetentionDays: number;
            /** @description Highest `timeScale` of a test run. */
            maxTimeCompression: number;
        };
        Pin: {
            nodeId: string;
            /** @description The pinned output. */
            output: unknown;
            /** @description The output port a test run takes after the node. */
            port: string;
            /** Format: date-time */
            pinnedAt: string;
            /** @description Who pinned it: `admin` or a Discord user id. */
            pinnedBy: string;
        };
        PinBody: {
            /** @description The output test runs use for this node (JSON, at most 64 KiB). Not with `fromRun`. */
            output?: unknown;
            /** @description The output port the node leaves by: one of its ports (e.g. `out` or `error`); default its first port. */
            port?: string;
            /** @description Copy the output and port of this node’s step in that run (a run of this graph in this guild). Not with `output`. */
            fromRun?: string;
        };
        PinList: {
            /** @description The graph’s pinned nodes (the canvas marks them). Simulated runs use them instead of executing those nodes; other runs never do. */
            pins: components["schemas"]["Pin"][];
        };
        PreflightReport: {
            /** Format: date-time */
            checkedAt: string;
            /** @description The version checked; null for the draft. */
            version: number | null;
            /** @description `checked`: the guild was read as the bot and its warnings are included. `unavailable`: only the graph-only warnings; `discordError` says why. */
            discord: "checked" | "unavailable";
            /** @description Why the guild could not be read, and that permissions, roles and channels were not checked. */
            discordError?: string;
            warnings: components["schemas"]["PreflightWarning"][];
        };
        PreflightWarning: {
            /** @description What may go wrong (docs/api/README.md, Preflight). */
            code: "bot_missing_permission" | "role_above_bot" | "channel_not_text" | "message_may_exceed_limit" | "reply_after_interaction_window";
            /**
             * @description Warnings never block publishing: the graph may still be right.
             * @constant
             */
            severity: "warning";
            /** @description The node concerned. */
            nodeId?: string;
            /** @description JSON pointer into the node’s config, e.g. `/roleId`. */
            field?: string;
            /** @description What may fail and what to do about it. */
            message: string;
        };
        RollbackBody: {
            version: number;
        };
        /** @description Present on the answers of publish, rollback, disable and delete for graphs whose trigger the gateways route (Discord events). */
        RoutingConfirmation: {
            /** @description Every running gateway routes Discord events by this change now (checked before answering). */
            live: boolean;
            gateways: {
                id: string;
                confirmed: boolean;
            }[];
            /** @description What is not in effect yet and what to do (when `live` is false). */
            message?: string;
        };
        RunCancelRequested: {
            runId: string;
            /** @constant */
            cancelRequested: true;
        };
        RunDetail: {
            runId: string;
            graphId: string;
            /** @description 0 for a test run of a draft. */
            version: number;
            status: "running" | "completed" | "failed" | "cancelled" | "terminated" | "timed_out";
            triggerType: string | null;
            /** Format: date-time */
            startedAt: string;
            endedAt: string | null;
            /** @description From start to end in ms; null while the run goes. */
            durationMs: number | null;
            steps: components["schemas"]["Step"][];
            droppedSteps: number;
            /** @description Why the run did not complete. */
            error?: {
                code: string;
                message: string;
            };
            /** @description Why the step log could not be read (the list is then empty). */
            stepsError?: string;
        };
        RunEndEvent: {
            status: "running" | "completed" | "failed" | "cancelled" | "terminated" | "timed_out";
            endedAt: string | null;
            durationMs: number | null;
            error?: {
                code: string;
                message: string;
            };
        };
        RunList: {
            runs: components["schemas"]["RunSummary"][];
        };
        RunPage: {
            runs: components["schemas"]["RunSummary"][];
            /** @description Pass as `cursor` for the next page (same filters); null on the last page. */
            nextCursor: string | null;
        };
        RunStartBody: {
            /** @description The trigger payload; defaults to a manual trigger’s samplePayload, else {}. */
            payload?: unknown;
            /** @description Run against the sandbox guild. A run of the draft is always simulated: omitted means true, and false answers 400 `sandbox_only` (publish to run it on the server). A run of the published version is live unless true. */
            simulate?: boolean;
            /** @description Every wait is divided by this. */
            timeScale?: number;
            /** @description Test-run the current draft (version 0, in the sandbox) even when a version is published. */
            draft?: boolean;
            /** @description Use the graph’s pinned data (GET …/pins): pinned nodes are not executed, their step shows the pinned output with `pinned: true`. Default true for simulated runs; true with a run that is not simulated answers 400. */
            pins?: boolean;
        };
        RunStarted: {
            runId: string;
            graphId: string;
            version: number;
        };
        RunStepEvent: {
            steps: components["schemas"]["Step"][];
            droppedSteps: number;
            /** @description When the workflow changed the steps (its history event time): compare with the arrival time for the update latency. */
            changedAt: string | null;
        };
        RunSummary: {
            runId: string;
            graphId: string;
            /** @description 0 for a test run of a draft. */
            version: number;
            status: "running" | "completed" | "failed" | "cancelled" | "terminated" | "timed_out";
            triggerType: string | null;
            /** Format: date-time */
            startedAt: string;
            endedAt: string | null;
            /** @description From start to end in ms; null while the run goes. */
            durationMs: number | null;
        };
        Sandbox: {
            /** @description The bot’s user id (authorId of what the bot posts). */
            botUserId: string;
            guilds: ({
                id: string;
                name: string;
                channels: ({
                    id: string;
                    name: string | null;
                    type: number;
                } & {
                    [key: string]: unknown;
                })[];
                roles: ({
                    id: string;
                    name: string;
                    position: number;
                } & {
                    [key: string]: unknown;
                })[];
                members: ({
                    id: string;
                    username: string;
                    roles: string[];
                    /** @description Has not accepted the rules yet (membership screening). */
                    pending?: boolean;
                } & {
                    [key: string]: unknown;
                })[];
            } & {
                [key: string]: unknown;
            })[];
        };
        SandboxCommandList: ({
            id: string;
            name: string;
            description: string;
            options: ({
                name: string;
                /** @description Discord’s option type: 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role, 9 mentionable, 10 number. */
                type: number;
                description?: string;
                required?: boolean;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        })[];
        SandboxEvent: {
            /** @description The sandbox guild. */
            guildId: string;
            /** @constant */
            type: "memberJoined";
            user: {
                username: string;
                /** @description Reuse a known user id (e.g. someone who left); new by default. */
                id?: string;
                globalName?: string;
            };
            /** @description The member joins still in membership screening (has not accepted the rules yet). */
            pending?: boolean;
        } | {
            /** @description The sandbox guild. */
            guildId: string;
            /** @constant */
            type: "memberLeft";
            /** @description The member who leaves. */
            userId: string;
        } | {
            /** @description The sandbox guild. */
            guildId: string;
            /** @constant */
            type: "memberUpdated";
            /** @description The member who changes. */
            userId: string;
            /** @description Roles to give. */
            addRoles?: string[];
            /** @description Roles to take. */
            removeRoles?: string[];
            /** @description `false`: the member passes membership screening (accepts the rules). */
            pending?: boolean;
        } | {
            /** @description The sandbox guild. */
            guildId: string;
            /** @constant */
            type: "messageCreated";
            /** @description Where the member posts. */
            channelId: string;
            /** @description The member who posts. */
            userId: string;
            content: string;
            /** @description Post as a reply to this message. */
            replyToMessageId?: string;
        } | {
            /** @description The sandbox guild. */
            guildId: string;
            /** @constant */
            type: "reactionAdded";
            /** @description The message’s channel. */
            channelId: string;
            /** @description The message reacted to. */
            messageId: string;
            /** @description The member who reacts. */
            userId: string;
            /** @description A Unicode emoji, e.g. 🎉. */
            emoji: string;
        } | {
            /** @description The sandbox guild. */
            guildId: string;
            /** @constant */
            type: "reactionRemoved";
            /** @description The message’s channel. */
            channelId: string;
            /** @description The message the reaction is on. */
            messageId: string;
            /** @description The member who removes their reaction. */
            userId: string;
            /** @description A Unicode emoji, e.g. 🎉. */
            emoji: string;
        } | {
            /** @description The sandbox guild. */
            guildId: string;
            /** @constant */
            type: "buttonClicked";
            /** @description The message’s channel. */
            channelId: string;
            /** @description The message with the button. */
            messageId: string;
            /** @description The member who clicks. */
            userId: string;
            customId: string;
        } | {
            /** @description The sandbox guild. */
            guildId: string;
            /** @constant */
            type: "slashCommand";
            /** @description Where the command is used. */
            channelId: string;
            /** @description The member who uses it. */
            userId: string;
            name: string;
            /** @description `{ <option name>: value }`. */
            options?: {
                [key: string]: unknown;
            } | unknown[];
        };
        SandboxEventResult: {
            /** @description memberJoined, memberLeft, memberUpdated: the member. */
            userId?: string;
            /** @description memberUpdated: false when nothing changed (no update is dispatched). */
            changed?: boolean;
            /** @description memberUpdated: the member’s roles after it. */
            roles?: string[];
            /** @description memberUpdated: still in membership screening. */
            pending?: boolean;
            memberCount?: number;
            /** @description messageCreated: the new message. */
            messageId?: string;
            /** @description reactionAdded: false if already there. */
            added?: boolean;
            /** @description reactionRemoved: false if it was not there. */
            removed?: boolean;
            /** @description buttonClicked, slashCommand. */
            interactionId?: string;
            commandId?: string;
            /** @description slashCommand: false when no graph registered the command. */
            commandRegistered?: boolean;
        };
        SandboxMember: {
            id: string;
            username: string;
            roles: string[];
            timedOutUntil: string | null;
            banned: boolean;
            kicked: boolean;
        } & {
            [key: string]: unknown;
        };
        SandboxMessageList: ({
            id: string;
            channelId: string;
            authorId: string;
            content: string;
            embeds: unknown[];
            components: unknown[];
            /** @description Users the message pinged (Discord’s `mentions`, after `allowed_mentions`). */
            mentions: string[];
            /** @description Roles the message pinged (`mention_roles`): a `<@&id>` in the text pings only if the message allowed it and the role is mentionable or the author may Mention Everyone. */
            mentionRoles: string[];
            /** @description Whether it pinged @everyone or @here. */
            mentionEveryone: boolean;
            createdAt: string;
        } & {
            [key: string]: unknown;
        })[];
        Session: {
            kind: "admin" | "user";
            user: {
                id: string;
                username: string;
            } | null;
            guildIds: string[] | null;
            expiresAt: string | null;
        };
        SignInMethods: {
            /** @description The sign-in link `npm start` prints (always). */
            link: boolean;
            /** @description Sign in with Discord is configured (`/auth/discord`). */
            discord: boolean;
        };
        Step: {
            nodeId: string;
            iteration?: string;
            status: "running" | "waiting" | "completed" | "failed" | "skipped";
            startedAt: string;
            endedAt?: string;
            input?: unknown;
            output?: unknown;
            port?: string;
            error?: {
                code: string;
                message: string;
                retryable: boolean;
            };
            /**
             * @description The node was not executed: its output is pinned test data (simulated runs).
             * @constant
             */
            pinned?: true;
            wait?: components["schemas"]["StepWait"];
        };
        StepWait: {
            /**
             * Format: date-time
             * @description When the wait ends at the latest, in real time (after the run’s timeScale).
             */
            until: string;
            /**
             * Format: date-time
             * @description When it would end at timeScale 1; only on runs with a timeScale.
             */
            untilUncompressed?: string;
            /** @description `delay`: a timer (flow.delay); `event`: one Discord event or the timeout (flow.waitFor); `collect`: a collection window (flow.collect). */
            for: "delay" | "event" | "collect";
            /** @description The Discord event awaited or collected, on which message. */
            event?: {
                type: "button" | "reaction" | "reply";
                messageId: string;
                customId?: string;
                emoji?: string;
                /** @description Only from this user. */
                userId?: string;
            };
        };
        StripeObject: {
            /** @description The Stripe id (cus_…, sub_…, cs_… or promo_…). */
            id: string;
            guildId: string;
            kind: "customer" | "subscription" | "checkout_session" | "promotion_code";
            /** @description A Stripe action created it for the guild, a completed checkout of the guild created it, or the operator recorded it. */
            recordedVia: "action" | "checkout" | "operator";
            /** Format: date-time */
            recordedAt: string;
        };
        StripeWebhookReceived: {
            /** @constant */
            received: true;
            /** @description Runs this delivery started (0 for a redelivery). */
            runs: number;
            /** @description Every run of this event (`stripe_<event id>_<graph id>`), new or earlier. */
            runIds: string[];
        };
        TemplateInstallAnswer: components["schemas"]["GraphResource"] & {
            /** @description Every graph this install created, the main one (this resource) first; each is a draft to publish. */
            installed: {
                id: string;
                name: string;
                trigger: string;
            }[];
        };
        TemplateInstallBody: {
            /**
             * @description Values of the template’s parameters; omitted ones take their defaults.
             * @default {}
             */
            vars: {
                [key: string]: unknown;
            };
        };
        TemplateList: {
            templates: components["schemas"]["TemplateSummary"][];
        };
        TemplateSummary: {
            id: string;
            name: string;
            description: string;
            category: string;
            /** @description JSON Schema of the install body’s `vars`: titles, descriptions, defaults, and `x-widget` hints (`channel`, `role`, `duration`, …) for the form. */
            parameters: {
                [key: string]: unknown;
            };
            /** @description The graphs an install creates, the main one first (a feature with several triggers — join and leave, /warn and /unwarn — is several graphs sharing the same vars). */
            graphs: {
                name: string;
                trigger: string;
            }[];
            /** @description With `?include=graph`: the template’s main graph document, vars not filled in. */
            graph?: components["schemas"]["GraphDocument"];
            /** @description With `?include=graph`: every graph document the template installs (the main one first), vars not filled in. */
            documents?: components["schemas"]["GraphDocument"][];
        };
        ValidationIssue: {
            nodeId?: string;
            edgeId?: string;
            path: string;
            code: string;
            message: string;
        };
        VersionDetail: {
            graphId: string;
            version: number;
            publishedBy: string;
            /** Format: date-time */
            publishedAt: string;
            document: components["schemas"]["GraphDocument"];
        };
        VersionList: {
            publishedVersion: number | null;
            versions: components["schemas"]["VersionSummary"][];
        };
        VersionSummary: {
            version: number;
            publishedBy: string;
            /** Format: date-time */
            publishedAt: string;
            /** @description True for the version new runs use (publishedVersion). */
            current: boolean;
        };
        WebhookInfo: {
            url: string;
            /** @description Shown once, when the hook is created or rotated. */
            secret?: string;
            /** @description `timestamped`: HMAC of `<timestamp>.<raw body>`, fresh within 5 minutes, each delivery accepted once. `body`: HMAC of the raw body alone, for senders that cannot sign a timestamp — a captured delivery can be replayed. */
            signing: "timestamped" | "body";
            /** @description True when a captured delivery can be sent again and start another run (body-only signing). */
            replayable: boolean;
            /** @description Present when replayable: what that means and how to fix it. */
            warning?: string;
        };
        WebhookSecret: {
            url: string;
            secret: string;
            signing: "timestamped" | "body";
            replayable: boolean;
            warning?: string;
        };
        WebhookSettingsBody: {
            /** @description `timestamped`: HMAC of `<timestamp>.<raw body>`, fresh within 5 minutes, each delivery accepted once. `body`: HMAC of the raw body alone, for senders that cannot sign a timestamp — a captured delivery can be replayed. */
            signing: "timestamped" | "body";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
