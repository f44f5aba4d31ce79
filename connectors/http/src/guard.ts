/**
 * The SSRF guard of `http.request`, applied where the socket is opened: the host is resolved
 * here, every address it resolves to is checked, and the socket is opened to the checked
 * address itself — so a DNS answer that changes between the check and the connection (DNS
 * rebinding) cannot reach an address that was never checked. Every redirect hop opens its
 * connection through the same connector, so every hop is checked.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';

/**
 * Which destinations a self-hoster allows although they are not public
 * (`GUILDFLOW_HTTP_ALLOW`): host names as written in URLs, and IP addresses.
 */
export interface DestinationPolicy {
  readonly hosts: ReadonlySet<string>;
  readonly addresses: ReadonlySet<string>;
}

/** Looks a host name up: every address it has (as `dns.lookup` with `all: true`). */
export type HostLookup = (hostname: string) => Promise<readonly { address: string }[]>;

const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Why a destination was refused (thrown by the connector, classified `BlockedDestination`). */
export class BlockedDestinationError extends Error {
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(
      hostname === address
        ? `${address} is ${reason}`
        : `${hostname} resolves to ${address}, ${reason}`,
    );
    this.name = 'BlockedDestinationError';
  }
}

/**
 * The allow-list from its comma-separated form (`127.0.0.1,localhost,api.internal`). Throws,
 * naming the entry, when one is neither a host name nor an IP address.
 *
 * @example
 * destinationPolicy(['127.0.0.1', 'Localhost']).hosts; // Set { 'localhost' }
 */
export function destinationPolicy(entries: readonly string[] = []): DestinationPolicy {
  const hosts = new Set<string>();
  const addresses = new Set<string>();
  for (const raw of entries) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1');
    if (entry === '') continue;
    if (ipaddr.isValid(entry)) addresses.add(normalize(entry));
    else if (/^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62}\.?)*$/.test(entry))
      hosts.add(entry.replace(/\.$/, ''));
    else
      throw new Error(
        `GUILDFLOW_HTTP_ALLOW: "${raw}" is neither a host name nor an IP address. List host names or IP addresses, separated by commas.`,
      );
  }
  return { hosts, addresses };
}

/** The canonical text of an address (IPv4-mapped IPv6 as its IPv4 form). */
function normalize(address: string): string {
  return unmapped(ipaddr.parse(address)).toString();
}

function unmapped(ip: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip;
}

const REASONS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address (cloud metadata lives there)',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  uniqueLocal: 'a unique-local (private) IPv6 address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};

/**
 * Why an address may not be connected to, or undefined when it is public unicast. Anything
 * ipaddr.js does not classify as plain unicast is refused: besides the ranges above that
 * includes NAT64, 6to4 and Teredo (which embed an IPv4 address that may be private) and the
 * documentation ranges. IPv4-mapped IPv6 is judged as its IPv4 address, and IPv4-compatible
 * IPv6 (`::a.b.c.d`, deprecated) is refused.
 *
 * @example
 * blockedReason('::ffff:127.0.0.1'); // 'a loopback address'
 * blockedReason('93.184.216.34'); // undefined
 */
export function blockedReason(address: string): string | undefined {
  const ip = unmapped(ipaddr.parse(address));
  const range = ip.range();
  if (range !== 'unicast') return REASONS[range] ?? `a non-public address (${range})`;
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0))
    return 'an IPv4-compatible IPv6 address';
  return undefined;
}

/**
 * The address to connect to for `hostname`: resolved, and every address it resolves to checked
 * (a name with one private address among public ones is refused). Allowed names and addresses
 * (`policy`) pass. Throws {@link BlockedDestinationError}.
 */
export async function checkedAddress(
  hostname: string,
  policy: DestinationPolicy,
  lookup: HostLookup = systemLookup,
): Promise<string> {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const answers = isIP(host) ? [{ address: host }] : await lookup(host);
  const first = answers[0];
  if (!first) throw Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' });
  if (policy.hosts.has(host.replace(/\.$/, ''))) return first.address;
  for (const { address } of answers) {
    if (policy.addresses.has(normalize(address))) continue;
    const reason = blockedReason(address);
    if (reason) throw new BlockedDestinationError(host, address, reason);
  }
  return first.address;
}

/** The connector undici opens sockets with (its `connect` option). */
export type Connector = buildConnector.connector;

/**
 * An undici connector that resolves and checks the destination ({@link checkedAddress}) and
 * opens the socket to that very address through `base` (undici's own connector: TLS keeps the
 * original host name for SNI and certificate checks).
 */
export function guardedConnector(
  policy: DestinationPolicy,
  options: { lookup?: HostLookup; base?: Connector; connectTimeoutMs?: number } = {},
): Connector {
  const base = options.base ?? buildConnector({ timeout: options.connectTimeoutMs ?? 10_000 });
  return (connectOptions, callback) => {
    checkedAddress(connectOptions.hostname, policy, options.lookup).then(
      (address) => {
        const named = isIP(connectOptions.hostname) === 0;
        base(
          {
            ...connectOptions,
            hostname: address,
            ...(named && connectOptions.protocol === 'https:'
              ? { servername: connectOptions.servername ?? connectOptions.hostname }
              : {}),
          },
          callback,
        );
      },
      (error: Error) => callback(error, null),
    );
  };
}
