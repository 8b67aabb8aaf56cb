/**
 * What konform reads from an HTML page (OGC 17-069r4 /req/html/content): whether it is an HTML 5
 * document (the `<!DOCTYPE html>` of the HTML Living Standard §13.1.1), whether it has a body,
 * the targets of its `<a href>` elements and whether it carries Schema.org annotations. A scan
 * of tags, not a full HTML parser: it reads the start tags these questions need.
 */
export interface HtmlFacts {
  html5: boolean;
  hasBody: boolean;
  /** `href` values of `<a>` elements, character references for `&`, quotes and `<`/`>` decoded. */
  anchors: string[];
  /** Microdata or RDFa naming schema.org, or JSON-LD with a schema.org context. */
  schemaOrg: boolean;
  /** The text with tags removed and whitespace collapsed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'", '#34': '"', '#38': '&' };

function decode(value: string): string {
  return value.replace(/&(amp|quot|apos|lt|gt|#39|#34|#38);/g, (_, name: string) => ENTITIES[name] ?? '');
}

const ANCHOR = /<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const SCHEMA_ORG = /(?:itemtype|vocab|typeof)\s*=\s*["']?https?:\/\/schema\.org|<script[^>]+application\/ld\+json[^>]*>[^<]*schema\.org/i;

export function htmlFacts(source: string): HtmlFacts {
  const withoutComments = source.replace(/<!--[\s\S]*?-->/g, '');
  const markup = withoutComments.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ');
  const anchors = [...markup.matchAll(ANCHOR)].map((match) => decode(match[1] ?? match[2] ?? match[3] ?? ''));
  const text = decode(markup.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return {
    html5: /^\s*<!doctype\s+html\s*>/i.test(withoutComments.replace(/^\uFEFF/, '')),
    hasBody: /<body[\s>]/i.test(withoutComments),
    anchors,
    schemaOrg: SCHEMA_ORG.test(withoutComments),
    text,
  };
}
