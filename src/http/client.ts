/**
 * createHttpClient: the HTTP client of a run, composed from the allowlist, the address policy
 * (in the agent's connector), limits, redirects, authentication, redaction and recording.
 *
 *   const http = createHttpClient({ allowedHosts: ['api.example.org'], limits: DEFAULT_LIMITS,
 *     auth: [{ scheme: 'bearer', token }], record: (x) => exchanges.push(x), userAgent: 'konform' });
 *   const response = await http.send({ method: 'GET', url: 'https://api.example.org/items' });
 *
 * Every request is recorded as one Exchange, failures included, redacted before `record` sees
 * it; transport failures throw HttpFailure. URLs handed back (HttpResponse.url, HttpFailure.url)
 * are redacted as well; status, headers and body of a response are not, checks need them.
 * Credentials are attached to requests to the target (the first allowed host) only.
 * The redactor (passed in, or created from `auth` and `tls`) learns every token the client
 * fetches; the run redacts the findings of its checks with it.
 */
import { targetAddressCategories } from './address-policy.js';
import { keptGuardedAgent, type GuardedAgent } from './agent.js';
import { createAllowlist } from './allowlist.js';
import { createAuthenticator } from './auth.js';
import { sendHop, type HopTransport, type SendHop } from './hop.js';
import type { HopRecorder } from './hop-record.js';
import type { RateLimiter } from './rate-limit.js';
import { createRedactor, type Redactor } from './redaction.js';
import { createTransport } from './transport.js';
import type { HttpClient, HttpClientOptions } from './types.js';
import type { HostTraffic } from '../model/report.js';

export interface KonformHttpClientOptions extends HttpClientOptions {
  /** Shared with the report writer; the client adds the configured credentials and fetched tokens. */
  redactor?: Redactor;
  /** Answers every hop instead of the network (a recording, src/replay): no name is resolved, no connection opened. */
  hopTransport?: HopTransport;
  /** Told every exchange's hops, bodies whole up to the size limit, as each exchange is recorded. */
  recordHops?: HopRecorder;
  /** Spaces the requests to each host, where shared with other clients; the client's own, at `limits.ratePerHost`, otherwise. */
  rateLimiter?: RateLimiter;
}

export interface KonformHttpClient extends HttpClient {
  readonly redactor: Redactor;
  /** The requests sent so far, per host: how fast, and how often a host asked konform to slow down (traffic.ts). */
  traffic(): HostTraffic[];
}

export function createHttpClient(options: KonformHttpClientOptions): KonformHttpClient {
  const auth = options.auth ?? [];
  const redactor = options.redactor ?? createRedactor();
  redactor.addCredentials(auth, options.tls);
  const allowlist = createAllowlist(options.allowedHosts);
  let agent: Promise<GuardedAgent> | undefined;
  // The target is the first allowed host; where it resolves decides which private ranges open.
  const getAgent = (): Promise<GuardedAgent> =>
    (agent ??= (allowlist.targetHostname ? targetAddressCategories(allowlist.targetHostname) : Promise.resolve([])).then(
      (categories) => keptGuardedAgent(categories, options.tls),
    ));
  const network = async (): Promise<SendHop> => {
    const agent = await getAgent();
    return (hop, limits, run, onRetry) => sendHop(agent, hop, limits, run, onRetry);
  };
  const { hopTransport } = options;
  const transport = createTransport({
    send: hopTransport ? () => Promise.resolve(hopTransport.send) : network,
    ...(hopTransport?.breaker ? { breaker: hopTransport.breaker } : {}),
    allowlist,
    limits: options.limits,
    redactor,
    record: options.record,
    userAgent: options.userAgent,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onHostStopped ? { onHostStopped: options.onHostStopped } : {}),
    ...(options.recordHops ? { recordHops: options.recordHops } : {}),
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
  });
  const isTarget = (url: string): boolean => URL.canParse(url) && allowlist.isTarget(new URL(url));
  const authenticator = createAuthenticator(auth, redactor, async (request, inspect) => (await transport.perform(request, { inspect })).response);

  return {
    redactor,
    traffic: transport.traffic,
    async send(request) {
      // Credentials go to the target only, never to the other allowed hosts; the OAuth2 token
      // request is sent by the authenticator itself, unauthenticated, with its client credentials.
      if (request.authenticate === false || auth.length === 0 || !isTarget(request.url)) return (await transport.perform(request)).response;
      const credentials = await authenticator.credentials();
      const first = await transport.perform(request, { credentials });
      // RFC 6750 §3.1: a 401 to a bearer token may mean it expired or was revoked; renew it once.
      if (first.response.status !== 401 || !first.credentialed || !authenticator.renew(credentials)) return first.response;
      return (await transport.perform(request, { credentials: await authenticator.credentials() })).response;
    },
    async close() {
      // Aborts this client's requests in flight; the agent and its idle connections are kept (agent.ts).
      transport.close();
    },
  };
}
