/** The English catalogue of the reports for people (messages.ts). */
import type { Messages } from './messages.js';

const number = new Intl.NumberFormat('en').format;
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format;
const plural = (count: number, one: string, many: string): string => `${number(count)} ${count === 1 ? one : many}`;

const PLACES = {
  file: ['in', 'file', 'files'],
  operation: ['on', 'operation', 'operations'],
  url: ['at', 'URL', 'URLs'],
  subject: ['for', 'subject', 'subjects'],
} as const;

export const en: Messages = {
  reportTitle: 'konform conformance report',
  verdict: { conformant: 'conformant', notConformant: 'not conformant', inconclusive: 'inconclusive' },
  verdictSentence: {
    conformant: ({ standard, profile }) =>
      `The subject conforms to ${standard} under the profile ${profile}: every check that decides the verdict passed.`,
    notConformant: ({ standard, failedRequirements }) =>
      `The subject does not conform to ${standard}: ${plural(failedRequirements, 'MUST requirement is', 'MUST requirements are')} not met.`,
    inconclusive: ({ standard, causes }) => `Whether the subject conforms to ${standard} could not be decided: ${causes.join('; ')}.`,
  },
  causes: {
    interrupted: (by) => `the run was interrupted${by === undefined ? '' : ` (${by})`} before every check had run`,
    hostUnexamined: (hosts) => `what lay on ${hosts} could not be examined`,
    undecided: (checks) => `konform could not decide ${plural(checks, 'check', 'checks')} that decide the verdict`,
    nothingExamined: 'no check that decides the verdict found anything to examine',
  },
  notices: {
    incomplete: (by) => `Incomplete run${by === undefined ? '' : `, interrupted by ${by}`}. Only the checks that ran before the interruption have results.`,
    hostStopped: (reason) => `A host stopped answering: ${reason}. What needed it could not be checked.`,
    notFollowed: (host, links, example, flag) =>
      `Links not followed to ${host}: ${plural(links, 'URL', 'URLs')} konform was not allowed to request, e.g. ${example}. ` +
      `What lay behind them could not be checked.${flag === undefined ? '' : ` Allow the host with ${flag}.`}`,
    crawlStopped: (reason) => `The crawl ended at the entry and nothing beyond it was checked: ${reason}.`,
    crawlCutOff: (urls, budget, example, flag) =>
      `The crawl was cut off by ${budget}: ${plural(urls, 'URL was', 'URLs were')} not fetched, e.g. ${example}. ` +
      `What they lead to is untested.${flag === undefined ? '' : ` Raise it with ${flag}.`}`,
  },
  budgets: {
    maxRequests: 'its request budget',
    maxTimeMs: 'its time budget',
    maxPagesPerList: 'its page limit per list',
    maxDepth: 'its depth limit',
    aborted: 'the end of the run',
    stopped: 'its stop at the entry',
  },
  outcome: { passed: 'passed', failed: 'failed', cantTell: 'cannot tell', inapplicable: 'inapplicable', untested: 'untested' },
  level: { MUST: 'MUST', SHOULD: 'SHOULD', MAY: 'MAY' },
  facts: {
    overview: 'Overview',
    verdict: 'Verdict',
    exitCode: (code) => `exit code ${code}`,
    subject: 'Subject',
    files: (count) => plural(count, 'file', 'files'),
    allFiles: (count) => `All ${plural(count, 'file', 'files')}`,
    spec: 'declared description',
    fetchedDocument: 'fetched reference',
    suite: 'Suite',
    standard: 'Standard',
    alsoJudgedBy: 'Also judged by',
    manifestSha256: 'manifest sha256',
    profile: 'Profile',
    classes: 'classes',
    date: 'Run',
    duration: (seconds) => `${new Intl.NumberFormat('en', { maximumFractionDigits: 3 }).format(seconds)} s`,
    tool: 'Tool',
    complete: 'Complete',
    shard: 'Shard',
    shardOf: (index, total, items) =>
      `shard ${index} of ${total}: ${items} ${items === 1 ? 'file' : 'files'}; the verdict is this shard's alone, konform merge joins the shards into one report`,
    yes: 'yes',
    no: 'no',
    signature: 'Signature',
    signedBy: (fingerprint) => `signed by the key ${fingerprint}`,
    notSigned: 'not signed',
    traffic: 'Requests',
    trafficHost: (host, requests, seconds, rate, limit) =>
      `${host}: ${plural(requests, 'request', 'requests')} in ${decimal(seconds)} s` +
      `${rate === undefined ? '' : `, ${decimal(rate)} per second`} (${limit === 0 ? 'no rate limit' : `limit ${decimal(limit)} per second`})`,
    throttledHost: (answers, retries, waitedSeconds, lowestRate) =>
      `${plural(answers, 'answer', 'answers')} 429 or 503 (slow down), ${plural(retries, 'request', 'requests')} asked again after ${decimal(waitedSeconds)} s of waiting in all` +
      `${lowestRate === undefined ? '' : `, rate lowered to ${decimal(lowestRate)} per second`}`,
    crawl: 'Crawl',
    crawlLine: ({ lists, complete, pages, objects, fetchedAgain, sample, requests, seconds }) =>
      `${plural(pages, 'page', 'pages')} of ${plural(lists, 'list', 'lists')} read (${number(complete)} to the end); ` +
      `${plural(objects, 'object', 'objects')} judged where the lists gave them, ${number(fetchedAgain)} of them fetched again at their own URL ` +
      `(${sample === 'all' ? 'all' : `up to ${number(sample)} per type`}); ${plural(requests, 'request', 'requests')} in ${decimal(seconds)} s`,
  },
  counts: {
    caption: 'Outcomes',
    outcome: 'Outcome',
    requirements: 'Requirements',
    checks: 'Checks',
    total: 'total',
    failedChecks: (must, should, may) => `Failed checks: ${number(must)} MUST (deciding the verdict), ${number(should)} SHOULD, ${number(may)} MAY.`,
  },
  contents: 'Contents',
  sections: {
    must: {
      title: 'Failed MUST requirements',
      lead: 'These decide the verdict: each failure of one of them makes the subject not conformant.',
      none: 'No MUST requirement failed.',
    },
    warning: {
      title: 'Warnings: SHOULD and MAY requirements not followed',
      lead: 'These do not decide the verdict.',
      none: 'No warnings.',
    },
    cantTell: {
      title: 'Could not tell',
      lead: 'Here konform could not decide (EARL: cantTell), each with its cause. This is never a pass.',
      none: 'konform could decide everything it checked.',
    },
    note: {
      title: 'Notes',
      lead: 'Information from the checks; it changes no outcome.',
      none: 'No notes.',
    },
  },
  entry: {
    clause: 'clause',
    notInCatalogue: 'This rule is not in the requirement table of the run\'s standard; its text is in the standard that sets it.',
    notTestable: (reason) => `not testable: ${reason}`,
    findingsAt: (findings, places, kind) => {
      const [preposition, one, many] = PLACES[kind];
      return `${plural(findings, 'finding', 'findings')} ${preposition} ${plural(places, one, many)}`;
    },
    check: 'check',
    code: 'finding',
    noFindings: 'The check recorded no finding.',
    examples: 'Examples',
    all: (findings) => `All ${plural(findings, 'finding', 'findings')}`,
    more: (findings) => `… and ${number(findings)} more`,
  },
  location: { operation: 'operation', spec: 'description at', body: 'body at', file: 'file', xpath: 'XPath' },
  exchange: {
    title: 'HTTP exchange',
    request: 'Request',
    response: (status) => `Response ${status}`,
    noResponse: (reason, message) => `No response (${reason}): ${message}`,
    redirects: 'Redirects',
    retried: 'Sent again',
    headers: 'Headers',
    body: 'Body (excerpt)',
    bytes: (count, truncated) => `${plural(count, 'byte', 'bytes')}${truncated ? ', excerpt cut' : ''}`,
    notInReport: 'not in the report',
  },
  requirements: {
    title: 'All requirements',
    table: (count) => `Table of all ${plural(count, 'requirement', 'requirements')}`,
    id: 'Requirement',
    level: 'Level',
    class: 'Class',
    outcome: 'Outcome',
    checks: 'Checks',
    text: 'Text',
    notPassed: 'Requirements failed or not told',
    others: (counts) => `The other requirements: ${counts}.`,
  },
  summary: {
    moreGroups: (groups, findings) => `… and ${plural(groups, 'other defect', 'other defects')} with ${plural(findings, 'finding', 'findings')}, in report.html`,
    moreEntries: (entries) => `… and ${plural(entries, 'other requirement', 'other requirements')}, in report.html.`,
    moreRows: (rows) => `… and ${plural(rows, 'other row', 'other rows')}, in report.html.`,
    notes: (findings) => `${plural(findings, 'note', 'notes')} from the checks, changing no outcome, in report.html.`,
  },
  whereEverything: 'Every finding, with its place and HTTP exchange, is in report.html; report.json holds the complete run.',
  footer: (tool) => `Rendered by ${tool} from report.json, the canonical report of this run.`,
};
