/**
 * The judgements of an XÖV message header: present, message UUID, creation time, author and
 * reader identified, message type code naming the root element. The rule of each finding is
 * the ID of the requirement it decides.
 */
import type { Finding, FindingLocation } from '../model/types.js';
import type { FindingCode } from '../model/finding-codes.js';
import type { CodeJudgement as Judgement } from './codelist-judge.js';
import { listOf } from './codelist-judge.js';
import type { CodeListIndex } from './codelist-index.js';
import type { XoevMessage } from './codelist-message.js';
import { collapseWhitespace } from './element-queries.js';
import type { XmlElement } from './element-tree.js';
import { headerName, headerParts, unidentifiedParty, type HeaderFlavour } from './xoev-header.js';
import { creationTimeProblem } from './xoev-header-time.js';

export const HEADER_RULES = {
  present: 'XOEV-HEADER-PRESENT',
  uuid: 'XOEV-HEADER-UUID',
  time: 'XOEV-HEADER-TIME',
  author: 'XOEV-HEADER-AUTHOR',
  reader: 'XOEV-HEADER-READER',
  type: 'XOEV-HEADER-TYPE',
} as const;

export interface HeaderOptions {
  flavour: HeaderFlavour;
  futureToleranceSeconds: number;
  now: Date;
}

/** RFC 9562 §4: the textual form of a UUID, 8-4-4-4-12 hexadecimal digits. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Verdict = (outcome: 'failed' | 'cantTell', rule: string, code: FindingCode, message: string, at: XmlElement, params?: Record<string, unknown>) => Judgement;

const PASSED: Judgement = { outcome: 'passed' };

function verdicts(locate: (element: XmlElement) => FindingLocation): Verdict {
  return (outcome, rule, code, message, at, params) => {
    const finding: Finding = { code, message, rule, severity: outcome === 'failed' ? 'error' : 'warning', location: locate(at), ...(params ? { params } : {}), ...(outcome === 'cantTell' ? { undecided: true as const } : {}) };
    return { outcome, finding };
  };
}

async function typeJudgement(message: XoevMessage, typeElement: XmlElement, index: CodeListIndex, verdict: Verdict): Promise<Judgement> {
  const root = message.tree.root.local;
  const code = message.codes.find((candidate) => candidate.element === typeElement);
  const { uri, version } = code ? listOf(code) : {};
  const list = uri && version ? await index.load(uri, version) : undefined;
  if (!code?.code || !list) {
    const which = uri ? `${uri}${version ? ` version ${version}` : ''}` : 'an unnamed list';
    return verdict('cantTell', HEADER_RULES.type, 'message-type-undecided', `konform cannot map the message type code to a message: it does not have ${which}`, typeElement);
  }
  const names = list.rows.get(code.code);
  if (!names) {
    return verdict('failed', HEADER_RULES.type, 'message-type-unknown', `the message type code "${code.code}" is not in ${uri} version ${version}`, typeElement, { code: code.code });
  }
  if (names.some((name) => name === root || `${name}.${code.code}` === root)) return PASSED;
  return verdict('failed', HEADER_RULES.type, 'message-type-mismatch', `the message type code "${code.code}" stands for ${names.join(' / ')}, but the root element is ${root}`, typeElement, {
    code: code.code,
    names,
    root,
  });
}

export async function judgeHeader(message: XoevMessage, index: CodeListIndex, options: HeaderOptions): Promise<Judgement[]> {
  const verdict = verdicts(message.locate);
  const { root } = message.tree;
  const name = headerName(options.flavour);
  const parts = headerParts(root, options.flavour);
  if (!parts) return [verdict('failed', HEADER_RULES.present, 'header-missing', `the root element has no ${name} child`, root)];
  const missing = (rule: string, what: string) => verdict('failed', rule, 'header-part-missing', `${name} has no ${what}`, parts.header, { part: what });
  const uuid = (element: XmlElement) => {
    const value = collapseWhitespace(element.text);
    return UUID.test(value) ? PASSED : verdict('failed', HEADER_RULES.uuid, 'uuid-invalid', `"${value}" is not a UUID (RFC 9562: 8-4-4-4-12 hexadecimal digits)`, element, { value });
  };
  const time = (element: XmlElement) => {
    const problem = creationTimeProblem(collapseWhitespace(element.text), options.now, options.futureToleranceSeconds);
    return problem ? verdict('failed', HEADER_RULES.time, 'creation-time-invalid', `the creation time ${problem}`, element) : PASSED;
  };
  const parties = (rule: string, role: string, found: XmlElement[]) =>
    found.length === 0
      ? [missing(rule, role)]
      : found.map((element) => {
          const why = unidentifiedParty(element, options.flavour);
          return why ? verdict('failed', rule, 'party-unidentified', `${element.name} is not identified: ${why}`, element) : PASSED;
        });
  return [
    PASSED,
    parts.uuid ? uuid(parts.uuid) : missing(HEADER_RULES.uuid, 'message UUID'),
    parts.time ? time(parts.time) : missing(HEADER_RULES.time, 'creation time'),
    ...parties(HEADER_RULES.author, 'author', parts.authors),
    ...parties(HEADER_RULES.reader, 'reader', parts.readers),
    parts.type ? await typeJudgement(message, parts.type, index, verdict) : missing(HEADER_RULES.type, 'message type'),
  ];
}
