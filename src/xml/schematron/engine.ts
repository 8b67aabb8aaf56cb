/**
 * What konform needs from an XSLT engine to run compiled Schematron: to say whether it can
 * run at all (and how to install it when not), and to transform a batch of documents with one
 * stylesheet in one process. The Saxon-HE engine (saxon.ts) is the one konform ships with.
 */
import type { RuleKey } from './fired-rules.js';

/** One `failed-assert` or `successful-report` of an SVRL report (ISO/IEC 19757-3:2016 Annex D). */
export interface SvrlAssertion {
  kind: 'failed-assert' | 'successful-report';
  id?: string;
  flag?: string;
  role?: string;
  /** XPath of the context node, e.g. `/*:Invoice[namespace-uri()='…'][1]/@currencyID`. */
  location: string;
  test: string;
  text: string;
  /** Texts of the diagnostics the assertion references. */
  diagnostics: string[];
}

/** What konform reads from the SVRL of one document. */
export interface SvrlReport {
  assertions: SvrlAssertion[];
  /** The rules that fired on a node of the document, each once. */
  firedRules: RuleKey[];
}

/** The SVRL of one document, or why there is none (the document could not be evaluated). */
export type SvrlResult = ({ ok: true } & SvrlReport) | { ok: false; reason: string };

/**
 * The results of one batch, read when asked for: a batch of ten thousand documents holds its
 * reports on disk, not in memory.
 */
export interface SvrlBatch {
  /** The SVRL of one document of the batch, read and parsed now; each document's is taken once. */
  take(file: string): Promise<SvrlResult>;
  /** Removes what the batch keeps on disk; a document not taken by then has no result. */
  dispose(): Promise<void>;
}

export type EngineAvailability = { ok: true; version: string } | { ok: false; reason: string; install: string };

export interface SchematronEngine {
  readonly name: string;
  available(): Promise<EngineAvailability>;
  /**
   * Applies the stylesheet (its text) to every file, each file's result kept until it is
   * taken. Rejects only when the engine cannot run at all.
   */
  runBatch(xslt: string, files: readonly string[], signal?: AbortSignal): Promise<SvrlBatch>;
  /** As runBatch, every result taken at once: the map has an entry for each file. */
  validateBatch(xslt: string, files: readonly string[], signal?: AbortSignal): Promise<Map<string, SvrlResult>>;
}
