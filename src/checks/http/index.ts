/** The `http.*` check kinds: one line each. */
import type { CheckKind } from '../types.js';
import { messageBodyKind } from './message-body.js';

export const HTTP_KINDS: readonly CheckKind<never>[] = [messageBodyKind];
