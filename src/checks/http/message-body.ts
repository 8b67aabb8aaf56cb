/**
 * `http.message-body`: an endpoint that serves messages (an XRechnung invoice, an XÖV message)
 * is tested the way message files are. The check fetches `path` from the target and validates
 * the body with a message suite (`suite`); the outcome and the findings are that run's, each
 * finding pointing at the exchange the body came from.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckOutput, Finding } from '../../model/types.js';
import { transportFailureFinding } from '../../http/failure-finding.js';
import { HttpFailure } from '../../http/types.js';
import type { Report } from '../../model/report.js';
import type { CheckKind } from '../types.js';

export interface MessageBodyOptions {
  /** Path of the message, relative to the target URL. */
  path: string;
  /** The suite validating the body: an id konform ships or a path. */
  suite: string;
}

const MESSAGE_FILE = 'message.xml';

function asOutput(report: Report, exchange: string, url: string): CheckOutput {
  const outcome = report.exitCode === 0 ? 'passed' : report.exitCode === 1 ? 'failed' : 'cantTell';
  const findings: Finding[] = report.results
    .filter((result) => result.outcome === 'failed' || result.outcome === 'cantTell')
    .flatMap((result) =>
      result.findings.map((finding) => ({
        ...finding,
        params: { ...finding.params, check: `${report.suite.id}/${result.check}` },
        location: { ...finding.location, file: url },
        exchange,
      })),
    );
  return { outcome, findings, evidence: [exchange] };
}

export const messageBodyKind: CheckKind<MessageBodyOptions> = {
  name: 'http.message-body',
  description: 'The message the endpoint serves at a path is valid under a message suite',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['path', 'suite'],
    properties: { path: { type: 'string', minLength: 1 }, suite: { type: 'string', minLength: 1 } },
  },
  needs: ['endpoint'],
  async run(context, options) {
    const url = new URL(options.path.replace(/^\//, ''), `${(context.target.url ?? '').replace(/\/?$/, '/')}`).toString();
    let response;
    try {
      response = await context.http.send({ method: 'GET', url });
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      return { outcome: 'cantTell', findings: [transportFailureFinding(error)], evidence: [error.exchangeId] };
    }
    if (response.status < 200 || response.status > 299) {
      const finding: Finding = { code: 'message-not-served', message: `GET ${url} answered ${response.status}, not a message`, params: { status: response.status }, exchange: response.exchangeId };
      return { outcome: 'failed', findings: [finding], evidence: [response.exchangeId] };
    }
    const folder = await mkdtemp(join(tmpdir(), 'konform-message-'));
    try {
      await writeFile(join(folder, MESSAGE_FILE), response.body);
      return asOutput(await context.runSuite(options.suite, [join(folder, MESSAGE_FILE)]), response.exchangeId, url);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  },
};
