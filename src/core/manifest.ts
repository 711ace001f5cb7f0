// The manifest of an analysis: what it was computed from, so a CI log or a report can be audited. Pure.
import type { ComparedDocument, Manifest } from '../model.js';

/** What a manifest records besides the tool's name and the documents. */
export type ManifestOptions = Omit<Manifest, 'tool' | 'documents'>;

/** Returns the manifest: tool and data versions, grouping, filters, and every document id with its content hash (sorted by id). */
export function buildManifest(documents: ComparedDocument[], options: ManifestOptions): Manifest {
  return {
    tool: 'aipolicy',
    version: options.version,
    taxonomyVersion: options.taxonomyVersion,
    ...(options.competenceVersion === undefined ? {} : { competenceVersion: options.competenceVersion }),
    by: options.by,
    filters: options.filters,
    documents: [...documents]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => ({ id: d.id, contentHash: d.contentHash ?? 'unknown' })),
  };
}
