// The current stored keys cross to ingest's worker threads packed into two strings.
import { describe, expect, it } from 'vitest';
import { sameDocumentKey, SAME_DOCUMENT_KEY_LENGTH } from '../../src/core/record.js';
import { packKeys, unpackKeys } from '../../src/workflows/stored-keys.js';

describe('packed stored keys', () => {
  it('unpack to the map they were packed from, whatever bytes the keys hold', () => {
    const current = new Map<string, string>();
    for (let n = 0; n < 500; n++) current.set(`doc-${n}`, sameDocumentKey({ contentHash: `sha256:${n}`, meta: { title: `T${n}` }, encoding: 'utf-8' }));
    // A key with a newline, a NUL and a byte above 127 in it.
    current.set('odd', '\n\u0000\u00ff'.padEnd(SAME_DOCUMENT_KEY_LENGTH, 'x'));
    const packed = packKeys(current);
    expect(typeof packed.ids).toBe('string');
    expect(typeof packed.keys).toBe('string');
    expect([...unpackKeys(structuredClone(packed))]).toEqual([...current]);
  });

  it('pack no keys as no keys', () => {
    expect(unpackKeys(packKeys(new Map())).size).toBe(0);
  });

  it('are 16 one-byte characters each, and differ when any part of the document does', () => {
    const base = { contentHash: 'sha256:abc', meta: { title: 'A' }, encoding: 'utf-8' };
    const key = sameDocumentKey(base);
    expect(key).toHaveLength(SAME_DOCUMENT_KEY_LENGTH);
    expect([...key].every((c) => c.charCodeAt(0) < 256)).toBe(true);
    expect(sameDocumentKey({ ...base })).toBe(key);
    for (const other of [{ ...base, contentHash: 'sha256:abd' }, { ...base, meta: { title: 'B' } }, { ...base, encoding: 'latin1' }, { ...base, pages: [0] }, { ...base, languageHint: 'fr' }]) {
      expect(sameDocumentKey(other)).not.toBe(key);
    }
  });
});
