/**
 * The HTTP connector: the executor of `http.request`, SSRF-guarded at the connection
 * (`guard.ts`), with credentials by name from an injected {@link CredentialSource}.
 */
import { HTTP_NODES, type ActionActivities, type ActionTypeId } from '@guildflow/engine/core';
import { Agent } from 'undici';
import type { CredentialSource } from './credentials.js';
import { httpRequest } from './executor.js';
import { destinationPolicy, guardedConnector, type Connector, type HostLookup } from './guard.js';

export { noCredentials, type CredentialSource, type HttpCredential } from './credentials.js';
export { blockedReason, destinationPolicy, type DestinationPolicy } from './guard.js';

/** The type ids of the HTTP action nodes. */
export type HttpNodeType = Extract<ActionTypeId, (typeof HTTP_NODES)[number]['type']>;

/** What the worker passes in. */
export interface HttpConnectorOptions {
  /** Host names and IP addresses allowed although not public (`GUILDFLOW_HTTP_ALLOW`). */
  allow: readonly string[];
  /** Where the named credentials of a guild come from (the credentials store). */
  credentials: CredentialSource;
  /** Tests: the name lookup, and the connector that finally opens the checked socket. */
  lookup?: HostLookup;
  connect?: Connector;
}

/**
 * The HTTP activities, for the worker to register. Throws when an allow-list entry is neither
 * a host name nor an IP address (the worker then refuses to start, saying which).
 */
export function createHttpExecutors(
  options: HttpConnectorOptions,
): Pick<ActionActivities, HttpNodeType> {
  const connect = guardedConnector(destinationPolicy(options.allow), {
    ...(options.lookup ? { lookup: options.lookup } : {}),
    ...(options.connect ? { base: options.connect } : {}),
  });
  // undici never follows redirects here (the executor does, hop by hop, through this agent).
  const dispatcher = new Agent({ connect, maxRedirections: 0 });
  return { 'http.request': httpRequest({ dispatcher, credentials: options.credentials }) };
}
