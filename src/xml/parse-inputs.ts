/**
 * Everything libxml2 reads besides the buffer it is given goes through one input provider,
 * registered once per process (or worker thread): external entities, external DTDs, XSD
 * imports and includes. libxml2-wasm has no host file system and no network of its own, so
 * this provider is the only way out of the sandbox. Outside `withInputs` it refuses every
 * request; inside, the scope's resolver decides and each refusal is recorded with its reason.
 * libxml2 calls are synchronous, so the current scope cannot leak into another call.
 */
import { xmlRegisterInputProvider } from 'libxml2-wasm';

/** What a resolver answers for a URI libxml2 asks for: the bytes, or why not. */
export type InputAnswer = { bytes: Uint8Array } | { refused: string };
export type InputResolver = (uri: string) => InputAnswer;

export interface RefusedInput {
  uri: string;
  reason: string;
}

/** One libxml2 call's view of the world: what it may read, and what it was refused. */
export interface InputScope {
  resolve: InputResolver;
  refused: RefusedInput[];
}

export function inputScope(resolve: InputResolver): InputScope {
  return { resolve, refused: [] };
}

/** The scope of message parsing: nothing outside the buffer is read. */
export function noInputs(): InputScope {
  return inputScope(() => ({ refused: 'konform never loads external resources of a message' }));
}

let current: InputScope | undefined;
let registered = false;
const open = new Map<number, { bytes: Uint8Array; position: number }>();
let nextHandle = 1;

/** A resolver's answer; an exception must not unwind through libxml2's frames, so it becomes a refusal. */
function answerFor(uri: string): InputAnswer {
  if (!current) return { refused: 'outside any konform input scope' };
  try {
    return current.resolve(uri);
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

function register(): void {
  if (registered) return;
  const ok = xmlRegisterInputProvider({
    // Claim every URI so libxml2's built-in loaders are never consulted.
    match: () => true,
    open(uri) {
      const answer = answerFor(uri);
      if ('refused' in answer) {
        current?.refused.push({ uri, reason: answer.refused });
        return undefined;
      }
      const handle = nextHandle++;
      open.set(handle, { bytes: answer.bytes, position: 0 });
      return handle;
    },
    read(handle, buffer) {
      const input = open.get(handle);
      if (!input) return -1;
      const chunk = input.bytes.subarray(input.position, input.position + buffer.byteLength);
      buffer.set(chunk);
      input.position += chunk.byteLength;
      return chunk.byteLength;
    },
    close: (handle) => open.delete(handle),
  });
  if (!ok) throw new Error('libxml2 refused the konform input provider');
  registered = true;
}

/** Runs a synchronous libxml2 action with `scope` deciding what it may read. */
export function withInputs<T>(scope: InputScope, action: () => T): T {
  register();
  const outer = current;
  current = scope;
  try {
    return action();
  } finally {
    current = outer;
  }
}
