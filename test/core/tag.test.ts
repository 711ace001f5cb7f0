import { describe, expect, it } from 'vitest';
import { analyseBody } from '../../src/core/analyse.js';
import { findTerms } from '../../src/core/lexicon.js';
import { tagPassageText } from '../../src/core/tag.js';
import { loadLexicon } from '../../src/workflows/lexicon.js';

const lexicon = loadLexicon();
const asserted = (text: string, language: 'nl' | 'fr' | 'de' | 'en') =>
  tagPassageText(lexicon, text, language)
    .filter((t) => t.asserted)
    .map((t) => t.theme)
    .sort();

describe('tagPassageText', () => {
  it.each([
    ['nl', 'De cyberveiligheid van onze netwerken staat onder druk door ransomware en phishing.', ['cybersecurity']],
    ['fr', 'La cybersécurité des réseaux et des systèmes d’information doit être renforcée face aux cyberattaques.', ['cybersecurity']],
    ['de', 'Die Cybersicherheit vernetzter Produkte soll durch das Cyberresilienzgesetz verbessert werden.', ['cybersecurity']],
    ['en', 'Hospitals and patients benefit from AI in healthcare, from diagnosis to medical data.', ['data', 'healthcare']],
    ['en', 'Hospitals and patients benefit from AI in healthcare, from diagnosis to treatment.', ['healthcare']],
    ['nl', 'De veiligheid in de stad en de openbare orde blijven een prioriteit.', []],
    ['fr', 'Pour des raisons de sécurité, le tunnel a été fermé.', []],
    ['de', 'Die Sicherheit aller Bürger hat Vorrang.', []],
  ] as const)('%s: %s', (language, text, expected) => {
    expect(asserted(text, language)).toEqual(expected);
  });

  it('does not assert themes named once each in a list of examples', () => {
    const text = 'AI kan een antwoord bieden op tal van uitdagingen, denk maar aan economie, energie, gezondheid, mobiliteit, klimaatverandering en veiligheid.';
    expect(asserted(text, 'nl')).toEqual([]);
  });

  it('keeps every score between 0 and 1 and gives the same result twice', () => {
    const text = 'Data delen, open data, een datastrategie en dataruimtes: data data data data.';
    const first = tagPassageText(lexicon, text, 'nl');
    expect(first.every((t) => t.score >= 0 && t.score <= 1)).toBe(true);
    expect(tagPassageText(lexicon, text, 'nl')).toEqual(first);
  });
});

describe('findTerms', () => {
  it('matches a multi-word phrase once, not its words again', () => {
    const matches = findTerms(lexicon, 'We need digital skills.', 'en');
    expect(matches.map((m) => m.term)).toEqual(['digital skills']);
  });

  it('matches Dutch compounds and PDF hyphenation', () => {
    expect(findTerms(lexicon, 'De cyberaanval op het ziekenhuis', 'nl').map((m) => m.term)).toEqual(['cyberaanval', 'ziekenhuis']);
    expect(findTerms(lexicon, 'la stratégie nationale en matière de cybersécu-rité', 'fr').map((m) => m.term)).toEqual(['cybersécu-rité']);
  });

  it('reads a hyphenated word as a phrase before trying compound patterns', () => {
    const [match] = findTerms(lexicon, 'Een sterke data-economie.', 'nl');
    expect(match!.term).toBe('data-economie');
    expect(match!.targets.map((t) => [t.theme, t.concept])).toEqual([['data', 'data-policy']]);
  });

  it('matches English loanwords in a Dutch passage', () => {
    expect(findTerms(lexicon, 'Het bedrijf investeert in cybersecurity.', 'nl').some((m) => m.term === 'cybersecurity')).toBe(true);
  });

  it('matches an acronym or name written as is with an s for the plural or the genitive, and not lowercased', () => {
    const concepts = (text: string, language: 'nl' | 'de' | 'en') => findTerms(lexicon, text, language).map((m) => [m.term, m.targets[0]!.concept]);
    expect(concepts('die schnelle Umsetzung des AI Acts', 'de')).toEqual([['AI Acts', 'ai-act']]);
    expect(concepts('Two DPIAs and three FRIAs', 'en').map(([term]) => term)).toEqual(['DPIAs', 'FRIAs']);
    // "Vdabs" is not written as the acronym is, and one s is all that is added.
    expect(concepts('Vdabs', 'nl')).toEqual([]);
    expect(concepts('Der AI Actss', 'de')).toEqual([]);
  });

  it('takes a bank or station counter out of the public-services counters', () => {
    expect(findTerms(lexicon, 'De bank sluit haar laatste bankloket en het stationsloket.', 'nl').map((m) => m.term)).toEqual([]);
    expect(findTerms(lexicon, 'Het stadsloket helpt burgers.', 'nl').map((m) => m.term)).toContain('stadsloket');
  });

  it('does not read a native word spelt like an English term as that term', () => {
    // French "courses" are errands or races, not training courses; in English they are courses.
    expect(findTerms(lexicon, 'Les ménages font leurs courses en ligne.', 'fr').map((m) => m.term)).toEqual([]);
    expect(findTerms(lexicon, 'Online courses for teachers.', 'en').map((m) => m.term)).toContain('courses');
    // Another English term in the same French passage is still a loanword.
    expect(findTerms(lexicon, 'Les courses et la cybersecurity.', 'fr').map((m) => m.term)).toEqual(['cybersecurity']);
  });
});

describe('analyseBody', () => {
  it('returns evidence with offsets into the body and the matched terms', () => {
    const body = 'Inleiding over het plan.\n\nDe cyberveiligheid van de overheid moet beter: ransomware en phishing nemen toe.\n';
    const analysis = analyseBody(lexicon, body);
    const cyber = analysis.themes.find((t) => t.id === 'cybersecurity');
    expect(cyber).toBeDefined();
    const evidence = cyber!.evidence[0]!;
    expect(body.slice(evidence.start, evidence.end)).toBe(evidence.text);
    expect(evidence.terms).toEqual(expect.arrayContaining(['cyberveiligheid', 'ransomware', 'phishing']));
  });

  it('never takes evidence from page furniture after "Meer nieuws"', () => {
    const body = 'De cyberveiligheid moet beter: ransomware en phishing nemen toe.\n\nMeer nieuws\n\nHet ziekenhuis en de patiënten in de gezondheidszorg.\n';
    const analysis = analyseBody(lexicon, body);
    expect(analysis.themes.map((t) => t.id)).toEqual(['cybersecurity']);
  });
});
