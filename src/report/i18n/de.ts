/** Der deutsche Katalog der Berichte für Menschen (messages.ts). */
import type { Messages } from './messages.js';

const number = new Intl.NumberFormat('de').format;
const decimal = new Intl.NumberFormat('de', { maximumFractionDigits: 2 }).format;
const plural = (count: number, one: string, many: string): string => `${number(count)} ${count === 1 ? one : many}`;

const PLACES = {
  file: ['in', 'Datei', 'Dateien'],
  operation: ['bei', 'Operation', 'Operationen'],
  url: ['unter', 'URL', 'URLs'],
  subject: ['bei', 'Prüfgegenstand', 'Prüfgegenständen'],
} as const;

export const de: Messages = {
  reportTitle: 'konform-Prüfbericht',
  verdict: { conformant: 'konform', notConformant: 'nicht konform', inconclusive: 'nicht entschieden' },
  verdictSentence: {
    conformant: ({ standard, profile }) =>
      `Der Prüfgegenstand ist konform zu ${standard} nach dem Profil ${profile}: Jede Prüfung, die über das Urteil entscheidet, ist bestanden.`,
    notConformant: ({ standard, failedRequirements }) =>
      `Der Prüfgegenstand ist nicht konform zu ${standard}: ${plural(failedRequirements, 'MUSS-Anforderung ist', 'MUSS-Anforderungen sind')} nicht erfüllt.`,
    inconclusive: ({ standard, causes }) => `Ob der Prüfgegenstand konform zu ${standard} ist, ließ sich nicht entscheiden: ${causes.join('; ')}.`,
  },
  causes: {
    interrupted: (by) => `der Lauf wurde${by === undefined ? '' : ` (${by})`} unterbrochen, bevor jede Prüfung gelaufen war`,
    hostUnexamined: (hosts) => `was auf ${hosts} lag, konnte nicht geprüft werden`,
    undecided: (checks) => `konform konnte ${plural(checks, 'Prüfung', 'Prüfungen')}, die über das Urteil entscheiden, nicht entscheiden`,
    nothingExamined: 'keine Prüfung, die über das Urteil entscheidet, fand etwas zu prüfen',
  },
  notices: {
    incomplete: (by) => `Unvollständiger Lauf${by === undefined ? '' : `, unterbrochen durch ${by}`}. Nur die Prüfungen, die vor der Unterbrechung liefen, haben Ergebnisse.`,
    hostStopped: (reason) => `Ein Host antwortete nicht mehr: ${reason}. Was ihn brauchte, konnte nicht geprüft werden.`,
    notFollowed: (host, links, example, flag) =>
      `Links zu ${host} nicht gefolgt: ${plural(links, 'URL', 'URLs')}, die konform nicht abrufen durfte, z. B. ${example}. ` +
      `Was dahinter lag, konnte nicht geprüft werden.${flag === undefined ? '' : ` Den Host erlaubt ${flag}.`}`,
    crawlStopped: (reason) => `Der Crawl endete am Einstiegspunkt, nichts dahinter wurde geprüft: ${reason}.`,
    crawlCutOff: (urls, budget, example, flag) =>
      `Der Crawl wurde durch ${budget} abgeschnitten: ${plural(urls, 'URL wurde', 'URLs wurden')} nicht abgerufen, z. B. ${example}. ` +
      `Was sie enthalten, ist nicht geprüft.${flag === undefined ? '' : ` Erhöhen mit ${flag}.`}`,
  },
  budgets: {
    maxRequests: 'sein Anfragebudget',
    maxTimeMs: 'sein Zeitbudget',
    maxPagesPerList: 'seine Seitengrenze je Liste',
    maxDepth: 'seine Tiefengrenze',
    aborted: 'das Ende des Laufs',
    stopped: 'seinen Halt am Einstiegspunkt',
  },
  outcome: { passed: 'bestanden', failed: 'nicht bestanden', cantTell: 'nicht entscheidbar', inapplicable: 'nicht anwendbar', untested: 'nicht geprüft' },
  level: { MUST: 'MUSS', SHOULD: 'SOLL', MAY: 'KANN' },
  facts: {
    overview: 'Überblick',
    verdict: 'Urteil',
    exitCode: (code) => `Exit-Code ${code}`,
    subject: 'Prüfgegenstand',
    files: (count) => plural(count, 'Datei', 'Dateien'),
    allFiles: (count) => `Alle ${plural(count, 'Datei', 'Dateien')}`,
    spec: 'erklärte Beschreibung',
    fetchedDocument: 'abgerufene Referenz',
    suite: 'Prüfsuite',
    standard: 'Standard',
    alsoJudgedBy: 'Auch geprüft nach',
    manifestSha256: 'Manifest sha256',
    profile: 'Profil',
    classes: 'Klassen',
    date: 'Lauf',
    duration: (seconds) => `${new Intl.NumberFormat('de', { maximumFractionDigits: 3 }).format(seconds)} s`,
    tool: 'Werkzeug',
    complete: 'Vollständig',
    shard: 'Teil (Shard)',
    shardOf: (index, total, items) =>
      `Teil ${index} von ${total}: ${items} ${items === 1 ? 'Datei' : 'Dateien'}; das Urteil gilt nur für diesen Teil, konform merge fügt die Teile zu einem Bericht zusammen`,
    yes: 'ja',
    no: 'nein',
    signature: 'Signatur',
    signedBy: (fingerprint) => `signiert mit dem Schlüssel ${fingerprint}`,
    notSigned: 'nicht signiert',
    traffic: 'Anfragen',
    trafficHost: (host, requests, seconds, rate, limit) =>
      `${host}: ${plural(requests, 'Anfrage', 'Anfragen')} in ${decimal(seconds)} s` +
      `${rate === undefined ? '' : `, ${decimal(rate)} je Sekunde`} (${limit === 0 ? 'ohne Ratengrenze' : `Grenze ${decimal(limit)} je Sekunde`})`,
    throttledHost: (answers, retries, waitedSeconds, lowestRate) =>
      `${plural(answers, 'Antwort', 'Antworten')} 429 oder 503 (langsamer), ${plural(retries, 'Anfrage', 'Anfragen')} nach insgesamt ${decimal(waitedSeconds)} s Wartezeit erneut gestellt` +
      `${lowestRate === undefined ? '' : `, Rate gesenkt auf ${decimal(lowestRate)} je Sekunde`}`,
    crawl: 'Crawl',
    crawlLine: ({ lists, complete, pages, objects, fetchedAgain, sample, requests, seconds }) =>
      `${plural(pages, 'Seite', 'Seiten')} aus ${plural(lists, 'Liste', 'Listen')} gelesen (${number(complete)} bis zum Ende); ` +
      `${plural(objects, 'Objekt', 'Objekte')} dort geprüft, wo die Listen sie lieferten, ${number(fetchedAgain)} davon erneut unter der eigenen URL abgerufen ` +
      `(${sample === 'all' ? 'alle' : `bis zu ${number(sample)} je Typ`}); ${plural(requests, 'Anfrage', 'Anfragen')} in ${decimal(seconds)} s`,
  },
  counts: {
    caption: 'Ergebnisse',
    outcome: 'Ergebnis',
    requirements: 'Anforderungen',
    checks: 'Prüfungen',
    total: 'gesamt',
    failedChecks: (must, should, may) =>
      `Nicht bestandene Prüfungen: ${number(must)} MUSS (entscheidet das Urteil), ${number(should)} SOLL, ${number(may)} KANN.`,
  },
  contents: 'Inhalt',
  sections: {
    must: {
      title: 'Nicht erfüllte MUSS-Anforderungen',
      lead: 'Sie entscheiden das Urteil: Jeder Verstoß gegen eine von ihnen macht den Prüfgegenstand nicht konform.',
      none: 'Keine MUSS-Anforderung ist verletzt.',
    },
    warning: {
      title: 'Warnungen: nicht befolgte SOLL- und KANN-Anforderungen',
      lead: 'Sie entscheiden das Urteil nicht.',
      none: 'Keine Warnungen.',
    },
    cantTell: {
      title: 'Nicht entscheidbar',
      lead: 'Hier konnte konform nicht entscheiden (EARL: cantTell), jeweils mit der Ursache. Das ist nie ein Bestehen.',
      none: 'konform konnte alles entscheiden, was es prüfte.',
    },
    note: {
      title: 'Hinweise',
      lead: 'Informationen der Prüfungen; sie ändern kein Ergebnis.',
      none: 'Keine Hinweise.',
    },
  },
  entry: {
    clause: 'Abschnitt',
    notInCatalogue: 'Diese Regel steht nicht in der Anforderungstabelle des Standards dieses Laufs; ihr Text steht in dem Standard, der sie festlegt.',
    notTestable: (reason) => `nicht prüfbar: ${reason}`,
    findingsAt: (findings, places, kind) => {
      const [preposition, one, many] = PLACES[kind];
      return `${plural(findings, 'Befund', 'Befunde')} ${preposition} ${plural(places, one, many)}`;
    },
    check: 'Prüfung',
    code: 'Befundart',
    noFindings: 'Die Prüfung hat keinen Befund aufgezeichnet.',
    examples: 'Beispiele',
    all: (findings) => `Alle ${plural(findings, 'Befund', 'Befunde')}`,
    more: (findings) => `… und ${number(findings)} weitere`,
  },
  location: { operation: 'Operation', spec: 'Beschreibung bei', body: 'Antwort bei', file: 'Datei', xpath: 'XPath' },
  exchange: {
    title: 'HTTP-Austausch',
    request: 'Anfrage',
    response: (status) => `Antwort ${status}`,
    noResponse: (reason, message) => `Keine Antwort (${reason}): ${message}`,
    redirects: 'Weiterleitungen',
    retried: 'Erneut gesendet',
    headers: 'Kopfzeilen',
    body: 'Inhalt (Auszug)',
    bytes: (count, truncated) => `${plural(count, 'Byte', 'Bytes')}${truncated ? ', Auszug gekürzt' : ''}`,
    notInReport: 'nicht im Bericht',
  },
  requirements: {
    title: 'Alle Anforderungen',
    table: (count) => `Tabelle aller ${plural(count, 'Anforderung', 'Anforderungen')}`,
    id: 'Anforderung',
    level: 'Stufe',
    class: 'Klasse',
    outcome: 'Ergebnis',
    checks: 'Prüfungen',
    text: 'Text',
    notPassed: 'Nicht bestandene und nicht entscheidbare Anforderungen',
    others: (counts) => `Die übrigen Anforderungen: ${counts}.`,
  },
  summary: {
    moreGroups: (groups, findings) => `… und ${plural(groups, 'weiterer Mangel', 'weitere Mängel')} mit ${plural(findings, 'Befund', 'Befunden')}, in report.html`,
    moreEntries: (entries) => `… und ${plural(entries, 'weitere Anforderung', 'weitere Anforderungen')}, in report.html.`,
    moreRows: (rows) => `… und ${plural(rows, 'weitere Zeile', 'weitere Zeilen')}, in report.html.`,
    notes: (findings) => `${plural(findings, 'Hinweis', 'Hinweise')} der Prüfungen, die kein Ergebnis ändern, in report.html.`,
  },
  whereEverything: 'Jeder Befund mit Ort und HTTP-Austausch steht in report.html; report.json enthält den vollständigen Lauf.',
  footer: (tool) => `Erzeugt von ${tool} aus report.json, dem maßgeblichen Bericht dieses Laufs.`,
};
