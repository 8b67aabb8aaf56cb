/**
 * Judges one XÖV code element against the code lists konform pins. XÖV datatype Code
 * (xoev-code.xsd): the data transmitted must identify the list (listURI) and its version
 * (listVersionID), unless the standard fixes them; where it fixes the version, only that
 * version is valid; the code is a value of the list's key column. A list or version konform
 * does not pin is cantTell, never a pass or a failure. The rule of each finding is the ID of
 * the requirement it decides.
 */
import type { Finding, FindingLocation } from '../model/types.js';
import type { FindingCode } from '../model/finding-codes.js';
import type { CodeElement } from './codelist-elements.js';
import type { CodeListIndex } from './codelist-index.js';

export const CODE_RULES = {
  listNamed: 'XOEV-CODE-LIST-NAMED',
  versionNamed: 'XOEV-CODE-VERSION-NAMED',
  listKnown: 'XOEV-CODE-KNOWN-LIST',
  versionKnown: 'XOEV-CODE-VERSION-KNOWN',
  value: 'XOEV-CODE-VALUE',
} as const;

export interface CodeJudgement {
  outcome: 'passed' | 'failed' | 'cantTell';
  finding?: Finding;
  /** The rules the judgement did not get to: those after the one its finding names. */
  unexamined?: readonly string[];
}

/** The order a code element is judged in: each rule assumes the ones before it held. */
const ORDER: readonly string[] = [CODE_RULES.listNamed, CODE_RULES.versionNamed, CODE_RULES.listKnown, CODE_RULES.versionKnown, CODE_RULES.value];

/** The value written, else the one the schemas fix; an empty attribute names nothing. */
function named(written: string | undefined, fixed: string | undefined): string | undefined {
  const value = written?.trim();
  return value ? value : fixed;
}

/** The list and version a code element refers to, from the message or the schemas. */
export function listOf(code: CodeElement): { uri: string | undefined; version: string | undefined } {
  return { uri: named(code.listURI, code.fixed.listURI), version: named(code.listVersionID, code.fixed.listVersionID) };
}

export async function judgeCode(code: CodeElement, index: CodeListIndex, location: FindingLocation): Promise<CodeJudgement> {
  const element = `<${code.element.name}>`;
  const finding = (outcome: CodeJudgement['outcome'], rule: string, kind: FindingCode, message: string, params: Record<string, unknown>): CodeJudgement => ({
    outcome,
    finding: { code: kind, message, params, rule, severity: outcome === 'failed' ? 'error' : 'warning', location, ...(outcome === 'cantTell' ? { undecided: true as const } : {}) },
    unexamined: ORDER.slice(ORDER.indexOf(rule) + 1),
  });
  const { uri, version } = listOf(code);
  if (uri === undefined || version === undefined) {
    const [attribute, rule, kind] = uri === undefined
      ? (['listURI', CODE_RULES.listNamed, 'code-list-unnamed'] as const)
      : (['listVersionID', CODE_RULES.versionNamed, 'code-version-unnamed'] as const);
    return code.typed
      ? finding('failed', rule, kind, `${element} names no ${attribute}, and the standard does not fix one`, { attribute })
      : finding('cantTell', rule, 'code-list-unresolved', `${element} has no ${attribute}, and konform cannot tell from the schemas whether the standard fixes it`, { attribute });
  }
  const versions = index.versions(uri);
  if (!versions) return finding('cantTell', CODE_RULES.listKnown, 'code-list-unknown', `konform does not have code list ${uri}`, { listURI: uri });
  const fixedVersion = code.fixed.listVersionID;
  if (fixedVersion !== undefined && fixedVersion !== version) {
    return finding('failed', CODE_RULES.versionKnown, 'code-list-version-not-fixed', `${element} names version ${version} of ${uri}; the standard fixes version ${fixedVersion}`, {
      listURI: uri,
      listVersionID: version,
      fixed: fixedVersion,
    });
  }
  const codeList = await index.load(uri, version);
  if (!codeList) {
    // Versions konform does not pin may be valid for the standard too (XRepository publishes them).
    const message = `${element} names version ${version} of ${uri}, which konform does not have (konform has version ${versions.join(', ')}): konform cannot tell whether the code is valid`;
    return finding('cantTell', CODE_RULES.versionKnown, 'code-list-version-unknown', message, { listURI: uri, listVersionID: version, known: versions });
  }
  if (code.code === undefined || !codeList.rows.has(code.code)) {
    const shown = code.code === undefined ? 'no code' : code.code === '' ? 'an empty code' : `code "${code.code}"`;
    return finding('failed', CODE_RULES.value, 'code-unknown', `${element} has ${shown}, which is not in ${uri} version ${version}`, {
      listURI: uri,
      listVersionID: version,
      code: code.code,
    });
  }
  return { outcome: 'passed' };
}
