/** The forms `konform diff` writes a diff in; `json` follows diff.schema.json. */
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-md.js';
import { renderText, type Paint } from './render-text.js';
import type { DiffFormat } from './format-names.js';
import type { Diff } from './types.js';

export const DIFF_FORMATS: Readonly<Record<DiffFormat, (diff: Diff, paint?: Paint) => string>> = {
  text: (diff: Diff, paint?: Paint) => renderText(diff, paint),
  md: renderMarkdown,
  json: (diff: Diff) => `${JSON.stringify(diff, null, 2)}\n`,
  html: renderHtml,
};
