/**
 * The undici Agent every request goes through. Its connector enforces the address policy on
 * the address actually connected to: resolved names through a custom `lookup`, IP literals
 * (which skip lookup) before connecting. It also carries the mutual-TLS material, numbers the
 * connections it opens, and opens one of its own for a request that must not reuse any.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import type { Dispatcher, buildConnector as undiciBuildConnector } from 'undici';
import { Agent, buildConnector, Client } from './undici.js';
import { sha256 } from '../core/sha256.js';
import { AddressNotAllowedError, createAddressPolicy, type AddressCategory, type AddressPolicy } from './address-policy.js';
import { isTlsErrorCode } from './failure-reason.js';
import type { TlsConfig } from './types.js';

export interface GuardedAgent {
  dispatcher: Agent;
  /**
   * The TLS alert behind a generic "socket closed" error, if one was seen. With TLS 1.3 a
   * server rejects a client certificate after the handshake; undici then reports only that
   * the other side closed the connection.
   */
  tlsCause(error: unknown): Error | undefined;
  /** Connections opened so far: those a request sent now can be reused on are numbered up to it. */
  readonly connectionsOpened: number;
  /** The number (1, 2, …) of the connection an error arose on, if it arose on one of this agent's. */
  connectionOf(error: unknown): number | undefined;
  /** A dispatcher with a connection of its own, opened for one request; close it after the request. */
  newConnection(origin: string): Dispatcher;
}

const REMEMBERED_TLS_ALERTS = 64;

function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      const first = addresses?.[0];
      if (error || !first) return callback(error ?? Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      // One refused address refuses the name: it may be a rebinding attempt.
      const refused = addresses.find((entry) => !policy.allows(entry.address));
      if (refused) return callback(new AddressNotAllowedError(hostname, refused.address), '', 0);
      return options.all ? callback(null, addresses) : callback(null, first.address, first.family);
    });
  };
}

function socketKey(address: string | undefined, port: number | undefined): string {
  return `${address ?? ''}|${port ?? ''}`;
}

export function createGuardedAgent(policy: AddressPolicy, tls: TlsConfig = {}): GuardedAgent {
  const tlsAlerts = new Map<string, Error>();
  const rememberTlsAlert = (socket: Socket, error: Error & { code?: string }): void => {
    if (!isTlsErrorCode(error.code)) return;
    tlsAlerts.set(socketKey(socket.localAddress, socket.localPort), error);
    const oldest = tlsAlerts.keys().next().value;
    if (tlsAlerts.size > REMEMBERED_TLS_ALERTS && oldest !== undefined) tlsAlerts.delete(oldest);
  };

  let connectionsOpened = 0;
  const connectionOfError = new WeakMap<object, number>();

  const connect = buildConnector({ lookup: guardedLookup(policy), ca: tls.ca, cert: tls.cert, key: tls.key });
  const guardedConnect: undiciBuildConnector.connector = (options, callback) => {
    const literal = options.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(literal) !== 0 && !policy.allows(literal)) {
      callback(new AddressNotAllowedError(options.hostname, literal), null);
      return;
    }
    const connection = (connectionsOpened += 1);
    connect(options, (...args) => {
      const socket = args[1];
      socket?.prependListener('error', (error: Error) => {
        connectionOfError.set(error, connection);
        rememberTlsAlert(socket, error);
      });
      callback(...args);
    });
  };
  const dispatcher = new Agent({ connect: guardedConnect });

  return {
    dispatcher,
    get connectionsOpened() {
      return connectionsOpened;
    },
    connectionOf(error) {
      return typeof error === 'object' && error !== null ? connectionOfError.get(error) : undefined;
    },
    newConnection(origin) {
      return new Client(origin, { connect: guardedConnect });
    },
    tlsCause(error) {
      const info = (error as { code?: string; socket?: { localAddress?: string; localPort?: number } }) ?? {};
      if (info.code !== 'UND_ERR_SOCKET' || !info.socket) return undefined;
      return tlsAlerts.get(socketKey(info.socket.localAddress, info.socket.localPort));
    },
  };
}

/** Distinct address policies and TLS materials whose agents the process keeps. */
const KEPT_AGENTS = 8;
const keptAgents = new Map<string, GuardedAgent>();

/**
 * The agent for an address policy (given by the categories the target's addresses open) and
 * TLS material, kept for the process: runs against the same target — a library user checking
 * it again, a CI job with several suites — reuse its open connections instead of opening new
 * ones. Idle connections do not keep the process alive (undici unrefs them). The least
 * recently used agent beyond the limit is closed once its requests are done.
 */
export function keptGuardedAgent(categories: readonly AddressCategory[], tls: TlsConfig = {}): GuardedAgent {
  const key = sha256(Buffer.from(JSON.stringify([[...categories].sort(), tls.ca ?? '', tls.cert ?? '', tls.key ?? ''])));
  const agent = keptAgents.get(key) ?? createGuardedAgent(createAddressPolicy(categories), tls);
  keptAgents.delete(key);
  keptAgents.set(key, agent);
  for (const [stale, kept] of [...keptAgents].slice(0, -KEPT_AGENTS)) {
    keptAgents.delete(stale);
    void kept.dispatcher.close();
  }
  return agent;
}
