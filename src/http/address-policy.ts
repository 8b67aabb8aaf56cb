/**
 * Which IP addresses konform may connect to. Metadata, link-local and unspecified addresses
 * are never contacted; loopback and private ranges only when the target itself lives there,
 * so a public target cannot be used to reach into the network konform runs in (SSRF).
 */
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

export type AddressCategory = 'metadata' | 'linkLocal' | 'unspecified' | 'loopback' | 'private' | 'public';

/** Checked in this order: metadata addresses lie inside the link-local and private ranges. */
const RANGES: Array<[Exclude<AddressCategory, 'public'>, Array<[string, number]>]> = [
  // Cloud instance metadata services (AWS, GCP, Azure, OpenStack; AWS over IPv6).
  ['metadata', [['169.254.169.254', 32], ['fd00:ec2::254', 128]]],
  // RFC 3927, RFC 4291 §2.5.6
  ['linkLocal', [['169.254.0.0', 16], ['fe80::', 10]]],
  // RFC 1122 §3.2.1.3 "this host on this network": connecting to 0.0.0.0 reaches the local host.
  ['unspecified', [['0.0.0.0', 8], ['::', 128]]],
  // RFC 1122 §3.2.1.3, RFC 4291 §2.5.3
  ['loopback', [['127.0.0.0', 8], ['::1', 128]]],
  // RFC 1918, RFC 6598 (carrier-grade NAT), RFC 4193 (unique local), RFC 3879 (site-local)
  ['private', [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10], ['fc00::', 7], ['fec0::', 10]]],
];

const BLOCKS = RANGES.map(([category, subnets]) => {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, isIP(network) === 6 ? 'ipv6' : 'ipv4');
  return [category, list] as const;
});

/** Category of an IP address; IPv4-mapped IPv6 addresses count as their IPv4 address. */
export function classifyAddress(address: string): AddressCategory {
  const family = isIP(address);
  if (family === 0) throw new TypeError(`not an IP address: ${address}`);
  const type = family === 6 ? 'ipv6' : 'ipv4';
  for (const [category, list] of BLOCKS) if (list.check(address, type)) return category;
  return 'public';
}

export interface AddressPolicy {
  allows(address: string): boolean;
}

/** Loopback and private addresses are allowed only in the categories the target resolved to. */
export function createAddressPolicy(targetCategories: Iterable<AddressCategory>): AddressPolicy {
  const opened = new Set<AddressCategory>();
  for (const category of targetCategories) if (category === 'loopback' || category === 'private') opened.add(category);
  return {
    allows(address) {
      const category = classifyAddress(address);
      return category === 'public' || opened.has(category);
    },
  };
}

/** Resolves the target host and classifies its addresses; an unresolvable target opens nothing. */
export async function targetAddressCategories(hostname: string): Promise<AddressCategory[]> {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) !== 0) return [classifyAddress(bare)];
  try {
    const addresses = await lookup(bare, { all: true });
    return addresses.map((entry) => classifyAddress(entry.address));
  } catch {
    return [];
  }
}

/** Raised from the connector when a host resolves to an address the policy refuses. */
export class AddressNotAllowedError extends Error {
  readonly code = 'KONFORM_ADDRESS_NOT_ALLOWED';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address} (${classifyAddress(address)}), which konform does not contact for this target`);
    this.name = 'AddressNotAllowedError';
  }
}
