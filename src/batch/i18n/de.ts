/** Der deutsche Katalog von index.html eines Sammellaufs (messages.ts). */
import type { BatchMessages } from './messages.js';

const number = new Intl.NumberFormat('de').format;
const plural = (count: number, one: string, many: string): string => `${number(count)} ${count === 1 ? one : many}`;

export const de: BatchMessages = {
  title: 'konform-Sammellauf',
  lead: (runs, subjects, suites) =>
    `${plural(runs, 'Lauf', 'Läufe')}: ${plural(subjects, 'Prüfgegenstand', 'Prüfgegenstände')} × ${plural(suites, 'Prüfsuite', 'Prüfsuiten')}. Jede Zelle verweist auf den Bericht ihres Laufs.`,
  facts: {
    plan: 'Plan',
    shard: 'Teil',
    shardOf: (index, total, runs, planRuns) => `Teil ${number(index)} von ${number(total)}: ${plural(runs, 'Lauf', 'Läufe')} der ${number(planRuns)} des Plans`,
    date: 'Lauf',
    tool: 'Werkzeug',
    exitCode: 'Exit-Code',
  },
  matrix: { caption: 'Urteile nach Prüfgegenstand und Prüfsuite', subject: 'Prüfgegenstand', noRun: 'kein Lauf' },
  failed: (must, should, may) => `nicht bestanden: ${number(must)} MUSS, ${number(should)} SOLL, ${number(may)} KANN`,
  incomplete: 'unvollständig',
  error: 'Konfigurationsfehler',
  footer: (tool) => `Erzeugt von ${tool} aus index.json, dem maßgeblichen Verzeichnis dieses Sammellaufs.`,
};
