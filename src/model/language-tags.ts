/**
 * BCP 47 language tags (RFC 5646), as requirement catalogues and reports name the language of
 * a text.
 */

/**
 * Whether a tag falls under a language range by basic filtering (RFC 4647 §3.3.1): `de` covers
 * `de` and `de-CH`, not `den`. Tags compare without regard to case (RFC 5646 §2.1.1).
 */
export function inLanguage(tag: string, range: string): boolean {
  const [lowerTag, lowerRange] = [tag.toLowerCase(), range.toLowerCase()];
  return lowerTag === lowerRange || lowerTag.startsWith(`${lowerRange}-`);
}
