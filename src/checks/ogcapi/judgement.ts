/**
 * How an OGC API check collects what it saw: findings that each name the requirement they
 * decide (`rule`, so every requirement a check verifies gets its own outcome), the URL, the
 * operation, the JSON pointer into the body and the exchange; and the exchanges the outcome
 * rests on. A violation fails the check; something konform could not decide makes it cantTell; a
 * note (why a rule was not examined) decides nothing.
 */
import { transportFailureFinding } from '../../http/failure-finding.js';
import { blocksCheck, outcomeOfFindings } from '../../judge/judgement.js';
import type { FindingCode } from '../../model/finding-codes.js';
import type { CheckOutput, Finding } from '../../model/types.js';
import type { Fetched, Unanswered } from './fetch.js';

export interface Observation {
  rule: string;
  code: FindingCode;
  message: string;
  /** The exchange the observation was made in. */
  fetched?: Fetched;
  /** JSON pointer into the body of that exchange. */
  pointer?: string;
  params?: Record<string, unknown>;
}

export function exchangeOf(fetched: Fetched | undefined): string | undefined {
  return fetched?.response?.exchangeId ?? fetched?.failure?.exchangeId;
}

export class Judgement {
  private readonly findings: Finding[] = [];
  private readonly evidence = new Set<string>();

  /** Records the exchange as evidence. */
  saw(...fetched: Array<Fetched | undefined>): this {
    for (const one of fetched) {
      const id = exchangeOf(one);
      if (id !== undefined) this.evidence.add(id);
    }
    return this;
  }

  /** The target violates `rule` here. */
  violation(observation: Observation): this {
    this.findings.push(this.finding(observation));
    return this;
  }

  /**
   * konform could not decide `rule` here (a body it cannot read, say). Where the request got no
   * answer, that is what kept it from deciding: the finding is the transport failure.
   */
  undecided(observation: Observation): this {
    const { rule, fetched } = observation;
    if (fetched?.failure) return this.unanswered(rule, fetched);
    this.findings.push({ ...this.finding(observation), undecided: true });
    return this;
  }

  /**
   * The request got no answer: `rule` is undecided, the finding its transport failure
   * (http/failure-finding.ts), with what it leaves unknown where `consequence` says.
   */
  unanswered(rule: string, fetched: Unanswered, consequence?: string): this {
    const { code, message, params } = transportFailureFinding(fetched.failure, consequence);
    this.findings.push({ ...this.finding({ rule, code, message, fetched, ...(params ? { params } : {}) }), undecided: true });
    return this;
  }

  /** A finding made elsewhere (by the OpenAPI response checks, say), now deciding `rule`. */
  adopt(finding: Finding, rule: string): this {
    if (finding.exchange !== undefined) this.evidence.add(finding.exchange);
    this.findings.push({ ...finding, rule });
    return this;
  }

  /** Why something was not examined: information that decides no rule. */
  note(code: FindingCode, message: string, params?: Record<string, unknown>): this {
    this.findings.push({ code, message, severity: 'info', ...(params ? { params } : {}) });
    return this;
  }

  get violated(): boolean {
    return this.findings.some(blocksCheck);
  }

  /**
   * The output of a check that stopped before it got to all its rules (the resource is not
   * served, say): the rules it did not examine are undecided (undecided-rules.ts), not passed.
   */
  stopped(): CheckOutput {
    const reason = this.findings.at(-1)?.message ?? 'the check stopped early';
    this.findings.push({ code: 'check-stopped', message: reason, severity: 'info', undecided: true });
    return this.output();
  }

  /**
   * `rules`: the rules the check met a case of, where fewer than all it verifies (CheckOutput.rules).
   * A check that met no case at all is inapplicable: it examined nothing.
   */
  output(rules?: readonly string[]): CheckOutput {
    const decided = outcomeOfFindings(this.findings);
    const outcome = decided === 'passed' && rules?.length === 0 ? 'inapplicable' : decided;
    return { outcome, findings: this.findings, evidence: [...this.evidence], ...(rules ? { rules: [...rules] } : {}) };
  }

  private finding({ rule, code, message, fetched, pointer, params }: Observation): Finding {
    this.saw(fetched);
    const exchange = exchangeOf(fetched);
    return {
      code,
      message,
      severity: 'error',
      rule,
      params: { ...(fetched ? { url: fetched.url } : {}), ...params },
      ...(fetched ? { location: { operation: fetched.operation, ...(pointer !== undefined ? { bodyPointer: pointer } : {}) } } : {}),
      ...(exchange !== undefined ? { exchange } : {}),
    };
  }
}

/** A check that did not get to judge: its requirements are `untested` (a budget cut it off) or `inapplicable`. */
export function notJudged(
  outcome: 'untested' | 'inapplicable',
  message: string,
  code: FindingCode = outcome === 'untested' ? 'cut-off' : 'not-applicable',
): CheckOutput {
  return { outcome, findings: [{ code, message, severity: 'info' }] };
}
