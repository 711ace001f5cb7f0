// A small corpus written as the tool writes it, with themes chosen by the test: stored with the current
// taxonomy version and the body's hash, so nothing is re-tagged and every expected cell is known
// whatever the tagger does.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hashText } from '../../src/core/record.js';
import { writeStored } from '../../src/io/corpus-store.js';
import type { DocumentMeta, LanguageCode, StoredDocument } from '../../src/model.js';
import { loadLexicon } from '../../src/workflows/lexicon.js';
import { ROOT } from './cli.js';

/** One synthetic document: metadata, paragraphs, and for each theme its score and the paragraph that is its evidence. */
export interface SyntheticDocument {
  id: string;
  meta: DocumentMeta;
  language?: LanguageCode;
  paragraphs: string[];
  themes: Array<{ id: string; score: number; paragraph: number; terms: string[] }>;
}

const VERSION = loadLexicon().taxonomy.version;

/** Writes the documents into `dir` as stored corpus documents. */
export async function writeSyntheticCorpus(dir: string, documents: SyntheticDocument[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const doc of documents) {
    const body = `${doc.paragraphs.join('\n\n')}\n`;
    const starts = doc.paragraphs.map((_, i) => doc.paragraphs.slice(0, i).reduce((n, p) => n + p.length + 2, 0));
    const stored: StoredDocument = {
      id: doc.id,
      meta: doc.meta,
      language: doc.language ?? 'en',
      languages: { [doc.language ?? 'en']: 1 },
      themes: [...doc.themes]
        .sort((a, b) => b.score - a.score)
        .map((t) => ({
          id: t.id,
          score: t.score,
          passages: 1,
          terms: t.terms,
          evidence: [{ passage: t.paragraph, start: starts[t.paragraph]!, end: starts[t.paragraph]! + doc.paragraphs[t.paragraph]!.length, score: t.score, terms: t.terms }],
        })),
      contentHash: hashText(body),
      taxonomyVersion: VERSION,
      encoding: 'utf-8',
      body,
      path: join(dir, `${doc.id}.md`),
    };
    await writeStored(dir, stored);
  }
}

/** Copies the sample corpus into `dir` (tests never read or write corpus/ itself). */
export function copySampleCorpus(dir: string): string {
  cpSync(join(ROOT, 'corpus'), dir, { recursive: true });
  return dir;
}

/** A title that would run if the HTML report did not escape it. */
export const HOSTILE_TITLE = 'Federal plan <script>window.__pwned = 1</script> & "quotes"';

/** Seven documents over every level with known themes: the expectations of the analysis tests. */
export const SYNTHETIC: SyntheticDocument[] = [
  {
    id: 'eu-ai-act',
    meta: { title: 'AI Act summary', level: 'eu', country: ['EU'], date: '2024-07', publisher: 'European Commission' },
    paragraphs: ['The AI Act sets rules for trustworthy AI, with transparency and human oversight.', 'It touches on data governance, briefly.'],
    themes: [
      { id: 'trustworthy-ai', score: 0.95, paragraph: 0, terms: ['trustworthy AI', 'transparency'] },
      { id: 'data', score: 0.6, paragraph: 1, terms: ['data governance'] },
    ],
  },
  {
    id: 'be-federal-plan',
    meta: { title: HOSTILE_TITLE, level: 'federal', country: ['BE'], date: '2022-11-21', publisher: 'FOD BOSA' },
    paragraphs: [
      'The federal State strengthens cybersecurity through the Centre for Cybersecurity Belgium.',
      'An ethics committee oversees trustworthy AI in the federal administration.',
      'Hospitals and patients, "in short: health care", get AI support.',
    ],
    themes: [
      { id: 'cybersecurity', score: 0.9, paragraph: 0, terms: ['cybersecurity'] },
      { id: 'trustworthy-ai', score: 0.85, paragraph: 1, terms: ['ethics committee', 'trustworthy AI'] },
      { id: 'healthcare', score: 0.7, paragraph: 2, terms: ['Hospitals', 'patients'] },
    ],
  },
  {
    id: 'be-flanders-mobility',
    meta: { title: 'Slimme verkeerslichten', level: 'regional', country: ['BE'], region: 'Flanders', date: '2023', publisher: 'AWV' },
    language: 'nl',
    paragraphs: ['Slimme verkeerslichten maken het verkeer veiliger voor fietsers en voetgangers.', 'Dat bespaart ook energie.'],
    themes: [
      { id: 'mobility', score: 0.9, paragraph: 0, terms: ['verkeerslichten', 'verkeer', 'fietsers'] },
      { id: 'environment', score: 0.6, paragraph: 1, terms: ['energie'] },
    ],
  },
  {
    id: 'be-wallonia-skills',
    meta: { title: 'Formation à l’IA', level: 'regional', country: ['BE'], region: 'Wallonia', date: '2023', publisher: 'SPW' },
    language: 'fr',
    paragraphs: ['La Wallonie finance la formation continue et la reconversion vers les métiers de l’IA.'],
    themes: [{ id: 'skills', score: 0.82, paragraph: 0, terms: ['formation continue', 'reconversion'] }],
  },
  {
    id: 'nl-national-cyber',
    meta: { title: 'Cyberbeveiliging en AI', level: 'national', country: ['NL'], date: '2023-07', publisher: 'NCTV' },
    language: 'nl',
    paragraphs: ['Cybercriminelen gebruiken AI voor phishing; het NCSC waarschuwt.', 'Data delen tussen overheden wordt makkelijker.'],
    themes: [
      { id: 'cybersecurity', score: 0.88, paragraph: 0, terms: ['Cybercriminelen', 'phishing'] },
      { id: 'data', score: 0.75, paragraph: 1, terms: ['Data delen'] },
    ],
  },
  {
    id: 'nl-amsterdam-services',
    meta: { title: 'Algoritmen in de gemeente', level: 'local', country: ['NL'], region: 'Amsterdam', date: '2023-05-11', publisher: 'Gemeente Amsterdam' },
    language: 'nl',
    paragraphs: ['=HYPERLINK("http://example.invalid","klik") gemeentelijke dienstverlening aan burgers met een chatbot.', '@uitleg: algoritmen moeten <b>eerlijk</b> en transparant zijn.'],
    themes: [
      { id: 'public-services', score: 0.9, paragraph: 0, terms: ['dienstverlening', 'burgers'] },
      { id: 'trustworthy-ai', score: 0.6, paragraph: 1, terms: ['transparant'] },
    ],
  },
  {
    id: 'lu-national-hpc',
    meta: { title: 'Supercomputer MeluXina', level: 'national', country: ['LU'], date: '2019-06', publisher: 'Ministère de l’Économie' },
    language: 'de',
    paragraphs: ['Der Supercomputer speichert und verarbeitet Daten für Forschung und Industrie.'],
    themes: [{ id: 'data', score: 0.9, paragraph: 0, terms: ['Daten', 'Supercomputer'] }],
  },
];
