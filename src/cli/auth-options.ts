/** The `--auth-*` flags of `konform run`, resolved into credentials and TLS settings. */
import type { Command } from 'commander';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { AuthConfig, TlsConfig } from '../http/types.js';
import { readFileOption, readSecret } from './secrets.js';

export interface AuthFlags {
  authApikeyName?: string;
  authApikeyIn?: 'header' | 'query';
  authApikeyEnv?: string;
  authApikeyFile?: string;
  authBearerEnv?: string;
  authBearerFile?: string;
  authBasicUser?: string;
  authBasicPasswordEnv?: string;
  authBasicPasswordFile?: string;
  authOauth2TokenUrl?: string;
  authOauth2ClientId?: string;
  authOauth2SecretEnv?: string;
  authOauth2SecretFile?: string;
  authOauth2Scope?: string[];
  authClientCert?: string;
  authClientKey?: string;
  authCa?: string;
}

export function addAuthOptions(command: Command): Command {
  return command
    .option('--auth-apikey-name <name>', 'API key: header or query parameter name')
    .option('--auth-apikey-in <where>', 'API key: "header" or "query"', 'header')
    .option('--auth-apikey-env <var>', 'API key: environment variable holding it')
    .option('--auth-apikey-file <file>', 'API key: file holding it')
    .option('--auth-bearer-env <var>', 'bearer token: environment variable holding it')
    .option('--auth-bearer-file <file>', 'bearer token: file holding it')
    .option('--auth-basic-user <user>', 'HTTP Basic: user name')
    .option('--auth-basic-password-env <var>', 'HTTP Basic: environment variable holding the password')
    .option('--auth-basic-password-file <file>', 'HTTP Basic: file holding the password')
    .option('--auth-oauth2-token-url <url>', 'OAuth2 client credentials: token endpoint')
    .option('--auth-oauth2-client-id <id>', 'OAuth2 client credentials: client id')
    .option('--auth-oauth2-secret-env <var>', 'OAuth2 client credentials: environment variable holding the secret')
    .option('--auth-oauth2-secret-file <file>', 'OAuth2 client credentials: file holding the secret')
    .option('--auth-oauth2-scope <scope...>', 'OAuth2 client credentials: scopes to request')
    .option('--auth-client-cert <file>', 'mutual TLS: client certificate (PEM)')
    .option('--auth-client-key <file>', 'mutual TLS: client key (PEM)')
    .option('--auth-ca <file>', 'TLS: CA certificate(s) to trust (PEM)');
}

function needed(value: string | undefined, what: string): string {
  if (!value) throw new KonformError(ERROR_CODES.AUTH_INVALID, `${what} is missing`);
  return value;
}

export function resolveAuth(flags: AuthFlags, env: NodeJS.ProcessEnv): { auth: AuthConfig[]; tls?: TlsConfig } {
  const auth: AuthConfig[] = [];
  const apiKey = readSecret({ env: flags.authApikeyEnv, file: flags.authApikeyFile }, 'API key', env);
  if (apiKey || flags.authApikeyName) {
    if (flags.authApikeyIn !== 'header' && flags.authApikeyIn !== 'query') {
      throw new KonformError(ERROR_CODES.AUTH_INVALID, `--auth-apikey-in must be "header" or "query"`);
    }
    auth.push({
      scheme: 'apiKey',
      in: flags.authApikeyIn,
      name: needed(flags.authApikeyName, '--auth-apikey-name'),
      value: needed(apiKey, 'API key (--auth-apikey-env or --auth-apikey-file)'),
    });
  }
  const token = readSecret({ env: flags.authBearerEnv, file: flags.authBearerFile }, 'bearer token', env);
  if (token) auth.push({ scheme: 'bearer', token });
  const password = readSecret({ env: flags.authBasicPasswordEnv, file: flags.authBasicPasswordFile }, 'Basic password', env);
  if (password || flags.authBasicUser) {
    auth.push({
      scheme: 'basic',
      username: needed(flags.authBasicUser, '--auth-basic-user'),
      password: needed(password, 'Basic password (--auth-basic-password-env or -file)'),
    });
  }
  const secret = readSecret({ env: flags.authOauth2SecretEnv, file: flags.authOauth2SecretFile }, 'OAuth2 client secret', env);
  if (secret || flags.authOauth2TokenUrl) {
    auth.push({
      scheme: 'oauth2',
      tokenUrl: needed(flags.authOauth2TokenUrl, '--auth-oauth2-token-url'),
      clientId: needed(flags.authOauth2ClientId, '--auth-oauth2-client-id'),
      clientSecret: needed(secret, 'OAuth2 client secret (--auth-oauth2-secret-env or -file)'),
      scopes: flags.authOauth2Scope ?? [],
    });
  }
  const tls: TlsConfig = {};
  const cert = readFileOption(flags.authClientCert, '--auth-client-cert');
  const key = readFileOption(flags.authClientKey, '--auth-client-key');
  const ca = readFileOption(flags.authCa, '--auth-ca');
  if (Boolean(cert) !== Boolean(key)) {
    throw new KonformError(ERROR_CODES.AUTH_INVALID, 'mutual TLS needs both --auth-client-cert and --auth-client-key');
  }
  if (cert) tls.cert = cert;
  if (key) tls.key = key;
  if (ca) tls.ca = ca;
  return Object.keys(tls).length > 0 ? { auth, tls } : { auth };
}
