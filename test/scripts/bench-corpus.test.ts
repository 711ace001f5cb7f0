// The benchmark's synthetic corpus: the same seed and size give the same bytes on every run, and
// its documents are of realistic length, in several languages, some of them mixed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadParagraphs, writeSyntheticCorpus } from '../../scripts/bench/corpus.js';
import { parseDocumentBytes } from '../../src/io/read-document.js';
import { detectLanguages } from '../../src/core/language.js';
import { splitPassages } from '../../src/core/text.js';
import { FIXTURES, makeTempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const contents = (folder: string) => readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name), 'utf8')]);

describe('the synthetic bench corpus', () => {
  const paragraphs = loadParagraphs(FIXTURES);

  it('is made of the shipped real paragraphs, and the same seed and size give the same files byte for byte', () => {
    expect(paragraphs.length).toBeGreaterThan(300);
    const a = writeSyntheticCorpus(join(dir, 'a'), 40, paragraphs);
    const b = writeSyntheticCorpus(join(dir, 'b'), 40, paragraphs);
    expect(a).toBe(b);
    expect(contents(join(dir, 'a'))).toEqual(contents(join(dir, 'b')));
    writeSyntheticCorpus(join(dir, 'c'), 40, paragraphs, 7);
    expect(contents(join(dir, 'c'))).not.toEqual(contents(join(dir, 'a')));
  });

  it('writes documents of policy-text length with metadata, in all four languages, some of them mixed', () => {
    const bytes = writeSyntheticCorpus(dir, 60, paragraphs);
    const files = readdirSync(dir).filter((n) => n.endsWith('.md'));
    expect(files).toHaveLength(60);
    expect(bytes / 60).toBeGreaterThan(1500);
    expect(bytes / 60).toBeLessThan(20000);
    const languages = new Set<string>();
    let mixed = 0;
    for (const name of files) {
      const doc = parseDocumentBytes(readFileSync(join(dir, name)), name);
      expect(doc.meta.level).toBeDefined();
      expect(doc.meta.country?.length).toBeGreaterThan(0);
      const profile = detectLanguages(splitPassages(doc.body));
      languages.add(profile.language);
      if (Object.keys(profile.languages).length > 1) mixed += 1;
    }
    expect([...languages].sort()).toEqual(['de', 'en', 'fr', 'nl']);
    expect(mixed).toBeGreaterThan(10);
  });
});
