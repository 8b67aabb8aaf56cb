/**
 * The `xoev.*` check kinds (XÖV message conventions): one line each. As the `xml.*` kinds,
 * they import their implementation (src/xml/*) when they first run.
 */
import type { CheckKind } from '../types.js';
import { messageHeaderKind } from './message-header.js';

export const XOEV_KINDS: readonly CheckKind<never>[] = [messageHeaderKind];
