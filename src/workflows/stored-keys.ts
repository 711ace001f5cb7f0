// The keys of the stored documents whose analysis is current (see sameDocumentKey), as ingest sends
// them to its worker threads.
import { SAME_DOCUMENT_KEY_LENGTH } from '../core/record.js';

/** The current stored keys as a worker thread is sent them: two strings, not a pair of strings per document. */
export interface PackedKeys {
  /** The ids, joined by newlines (an id is a slug: it has none). */
  ids: string;
  /** Their sameDocumentKeys end to end, in the same order. */
  keys: string;
}

/** Packs the current stored keys for a worker: cloning 100,000 pairs made some 10 MB of garbage in each worker. */
export function packKeys(current: ReadonlyMap<string, string>): PackedKeys {
  return { ids: [...current.keys()].join('\n'), keys: [...current.values()].join('') };
}

/** Returns the map that packKeys packed. */
export function unpackKeys(packed: PackedKeys): Map<string, string> {
  const current = new Map<string, string>();
  if (packed.ids === '') return current;
  packed.ids.split('\n').forEach((id, n) => current.set(id, packed.keys.slice(n * SAME_DOCUMENT_KEY_LENGTH, (n + 1) * SAME_DOCUMENT_KEY_LENGTH)));
  return current;
}
