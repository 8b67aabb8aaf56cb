/** The forms `konform diff` writes a diff in (formats.ts renders each); `json` follows diff.schema.json. */
export const DIFF_FORMAT_NAMES = ['text', 'md', 'json', 'html'] as const;

export type DiffFormat = (typeof DIFF_FORMAT_NAMES)[number];
