/**
 * Path templates (OpenAPI 3, Path Templating): `{name}` stands for one path segment.
 * Used to pick a path the document certainly does not define.
 */

const UNDOCUMENTED_SEGMENT = 'konform-undocumented';

export function templateMatches(template: string, path: string): boolean {
  const pattern = template
    .split(/(\{[^/}]+\})/)
    .map((part) => (/^\{[^/}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`).test(path);
}

/**
 * `/konform-undocumented`, repeated as more segments as needed until no template matches;
 * a path with more segments than any template cannot match, so this ends.
 */
export function undocumentedPath(templates: readonly string[]): string {
  for (let segments = 1; ; segments += 1) {
    const path = `/${UNDOCUMENTED_SEGMENT}`.repeat(segments);
    if (!templates.some((template) => templateMatches(template, path))) return path;
  }
}
