/**
 * `oparl.file-access`: the files of oparl:File objects (OParl §2.7 Dateizugriffe). The
 * `accessUrl` answers a GET with 2xx and without `Content-Disposition: attachment`; the
 * `downloadUrl` answers with `Content-Disposition: attachment; filename=…`. Recommended: the
 * headers Last-Modified, Content-Length and ETag; conditional GET (If-None-Match, else
 * If-Modified-Since, answered 304); 410 for a deleted file. Up to `maxFiles` files are
 * requested, the first by id; the requests are shared by the checks of this kind.
 */
import type { FindingCode } from '../../model/finding-codes.js';
import type { Finding } from '../../model/types.js';
import { HttpFailure, type HttpRequest, type HttpResponse } from '../../http/types.js';
import { distinctObjects } from '../../oparl/occurrence-queries.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { objectFinding, unansweredFinding } from '../../oparl/findings.js';
import { RULE, type Rule } from '../../oparl/rules.js';
import type { CheckContext } from '../types.js';
import { perTypeKind, type OParlOptions } from './shared.js';

export type FileAccessOptions = OParlOptions & { maxFiles?: number };

type Answer = { response: HttpResponse } | { failure: HttpFailure };

function request(context: CheckContext, sent: HttpRequest): Promise<Answer> {
  return context.memo(`oparl:file:${JSON.stringify(sent)}`, async () => {
    try {
      return { response: await context.http.send(sent) };
    } catch (error) {
      if (error instanceof HttpFailure) return { failure: error };
      throw error;
    }
  });
}

const header = (response: HttpResponse, name: string) => {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const isAttachment = (disposition: string | undefined) => disposition?.split(';')[0]?.trim().toLowerCase() === 'attachment';

export const fileAccessKind = perTypeKind<FileAccessOptions>({
  name: 'oparl.file-access',
  description: 'accessUrl and downloadUrl answer as OParl §2.7 wants',
  waitsOnRequests: true,
  decides: [RULE.FILE_GET, RULE.FILE_ACCESS_INLINE, RULE.FILE_HEADERS, RULE.FILE_CONDITIONAL, RULE.FILE_DELETED_GONE, RULE.FILE_DOWNLOAD_ATTACHMENT],
  properties: { maxFiles: { type: 'integer', minimum: 1, default: 20 } },
  types: ['File'],
  // The first files by id: the same on every run of a server, whatever order the crawl's answers came in.
  select: (occurrences, { options }) =>
    distinctObjects(occurrences)
      .filter((file) => typeof file.object.accessUrl === 'string')
      .sort((a, b) => (String(a.object.id) < String(b.object.id) ? -1 : String(a.object.id) > String(b.object.id) ? 1 : 0))
      .slice(0, options.maxFiles ?? 20),
  rules(files) {
    const kept = files.filter((file) => file.object.deleted !== true);
    return [
      ...(files.length > kept.length ? [RULE.FILE_DELETED_GONE] : []),
      ...(kept.length > 0 ? [RULE.FILE_GET, RULE.FILE_ACCESS_INLINE, RULE.FILE_HEADERS, RULE.FILE_CONDITIONAL] : []),
      ...(kept.some((file) => typeof file.object.downloadUrl === 'string') ? [RULE.FILE_DOWNLOAD_ATTACHMENT] : []),
    ];
  },
  async examine(file: Occurrence, { context, check }) {
    const findings: Finding[] = [];
    const note = (rule: Rule, code: FindingCode, message: string, exchange: string): void => {
      findings.push({ ...objectFinding(file, rule, code, message), exchange });
    };
    /** GETs a file URL; without an answer, the rules that depend on it are undecided. */
    const get = async (name: 'accessUrl' | 'downloadUrl', dependent: Rule[], headers?: Record<string, string>): Promise<HttpResponse | undefined> => {
      const url = String(file.object[name]);
      const answer = await request(context, { method: 'GET', url, ...(headers ? { headers } : {}) });
      if ('response' in answer) return answer.response;
      const about = { params: { id: file.object.id }, pointer: file.pointer, consequence: `what the ${name} serves is unknown` };
      findings.push(...dependent.map((rule) => unansweredFinding(answer.failure, rule, about)));
      return undefined;
    };
    const accessRules = file.object.deleted === true ? [RULE.FILE_DELETED_GONE] : [RULE.FILE_GET, RULE.FILE_ACCESS_INLINE, RULE.FILE_HEADERS, RULE.FILE_CONDITIONAL];
    const access = await get('accessUrl', accessRules);
    if (!access) return findings;
    const ok = access.status >= 200 && access.status < 300;
    if (file.object.deleted === true) {
      if (access.status !== 410) note(RULE.FILE_DELETED_GONE, 'deleted-file-status', `the accessUrl of the deleted file answers ${access.status}, not 410`, access.exchangeId);
      return findings;
    }
    if (!ok) note(RULE.FILE_GET, 'file-status', `the accessUrl answers ${access.status}`, access.exchangeId);
    if (ok && isAttachment(header(access, 'content-disposition'))) note(RULE.FILE_ACCESS_INLINE, 'access-attachment', `the accessUrl answers with Content-Disposition: ${header(access, 'content-disposition')}`, access.exchangeId);
    const missing = ['last-modified', 'content-length', 'etag'].filter((name) => ok && header(access, name) === undefined);
    if (missing.length > 0) note(RULE.FILE_HEADERS, 'file-headers-missing', `the accessUrl answers without ${missing.join(', ')}`, access.exchangeId);
    const etag = header(access, 'etag');
    const lastModified = header(access, 'last-modified');
    if (ok && check.verifies.includes(RULE.FILE_CONDITIONAL) && (etag || lastModified)) {
      const condition: Record<string, string> = etag ? { 'if-none-match': etag } : { 'if-modified-since': lastModified as string };
      const again = await get('accessUrl', [RULE.FILE_CONDITIONAL], condition);
      if (again && again.status !== 304) note(RULE.FILE_CONDITIONAL, 'conditional-get', `a GET with ${Object.keys(condition)[0]} is answered ${again.status}, not 304`, again.exchangeId);
    }
    if (typeof file.object.downloadUrl !== 'string') return findings;
    const download = await get('downloadUrl', [RULE.FILE_GET, RULE.FILE_DOWNLOAD_ATTACHMENT]);
    if (!download) return findings;
    const disposition = header(download, 'content-disposition');
    if (download.status < 200 || download.status > 299) note(RULE.FILE_GET, 'file-status', `the downloadUrl answers ${download.status}`, download.exchangeId);
    else if (!isAttachment(disposition) || !/;\s*filename\*?=/i.test(disposition ?? '')) {
      note(RULE.FILE_DOWNLOAD_ATTACHMENT, 'download-not-attachment', `the downloadUrl answers with ${disposition === undefined ? 'no Content-Disposition' : `Content-Disposition: ${disposition}`}, not "attachment; filename=…"`, download.exchangeId);
    }
    return findings;
  },
});
