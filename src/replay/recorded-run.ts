/**
 * How a recorded run was made, as its HAR keeps it (`log._konform.run`): the suite, profile,
 * target, limits and the shape of the credentials, never their values. A replay runs the same
 * again from it, with stand-ins for the credentials: the redaction marker, which is what the
 * recording shows of them, so that the requests a replay sends read as the recorded ones.
 */
import type { AuthConfig, HttpLimits } from '../http/types.js';
import { REDACTED, type Redactor } from '../http/redaction.js';

/** A credential as the recording names it: its scheme and where it goes. */
export type RecordedAuth =
  | { scheme: 'bearer' | 'basic' }
  | { scheme: 'apiKey'; in: 'header' | 'query'; name: string }
  | { scheme: 'oauth2'; tokenUrl: string; scopes: string[] };

export interface RecordedRun {
  /** A shipped suite's id, else the path of the suite file. */
  suite: string;
  profile: string;
  target: {
    url?: string;
    /** The declared document, with the hash a replay holds it to. */
    spec?: { path: string; sha256: string };
    allowedHosts: string[];
    /** The hosts references were fetched from (`--allow-ref-host`). */
    refHosts?: string[];
    allowUnsafe: boolean;
    parameters?: Record<string, string>;
  };
  limits: HttpLimits;
  auth: RecordedAuth[];
}

export function recordedAuthOf(auth: readonly AuthConfig[], redactor: Redactor): RecordedAuth[] {
  return auth.map((config): RecordedAuth => {
    if (config.scheme === 'apiKey') return { scheme: 'apiKey', in: config.in, name: config.name };
    if (config.scheme === 'oauth2') return { scheme: 'oauth2', tokenUrl: redactor.redactUrl(config.tokenUrl), scopes: config.scopes };
    return { scheme: config.scheme };
  });
}

/** The credentials a replay sends: the recorded schemes, every value the redaction marker. */
export function standInAuth(recorded: readonly RecordedAuth[]): AuthConfig[] {
  return recorded.map((auth): AuthConfig => {
    switch (auth.scheme) {
      case 'bearer':
        return { scheme: 'bearer', token: REDACTED };
      case 'basic':
        return { scheme: 'basic', username: REDACTED, password: REDACTED };
      case 'apiKey':
        return { scheme: 'apiKey', in: auth.in, name: auth.name, value: REDACTED };
      case 'oauth2':
        return { scheme: 'oauth2', tokenUrl: auth.tokenUrl, clientId: REDACTED, clientSecret: REDACTED, scopes: auth.scopes };
    }
  });
}
