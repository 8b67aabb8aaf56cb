/**
 * konform's bounds for untrusted XML. The byte limit is konform's own and is checked before a
 * file is read; the others are libxml2's built-in limits, which apply because konform never
 * sets XML_PARSE_HUGE (libxml2 parserInternals.h: xmlParserMaxDepth, XML_MAX_TEXT_LENGTH,
 * and the entity amplification check of parser.c, xmlCtxtSetMaxAmplification).
 */
import { ParseOption } from 'libxml2-wasm';

/** Files larger than this are refused unread (option `maxBytes` of the XML kinds). */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** Deepest element nesting libxml2 accepts without XML_PARSE_HUGE. */
export const MAX_DEPTH = 256;

/**
 * How konform parses XML, messages and the entry document of a schema alike. Internal
 * entities are expanded (XML 1.0 §4.4.2: later checks see the content any conforming
 * processor sees) while libxml2's amplification limit refuses billion laughs and quadratic
 * blow-up; external entities and DTDs are never loaded (no XML_PARSE_DTDLOAD; NONET makes
 * libxml2 refuse network URIs itself; the input provider of parse-inputs.ts refuses the
 * rest). BIG_LINES keeps line numbers right beyond 65 535.
 */
export const SAFE_PARSE_OPTIONS =
  ParseOption.XML_PARSE_NOENT | ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_BIG_LINES;
