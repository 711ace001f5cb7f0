import { describe, expect, it } from 'vitest';
import { contextsOf, mentionsAi, readContext, splitSentences } from '../../src/core/context.js';
import { collectEvidence } from '../../src/core/evidence.js';
import { loadLexicon } from '../../src/workflows/lexicon.js';

const lexicon = loadLexicon();
// The contexts of the first occurrence of `word` in `text`.
const contextsAt = (language: keyof typeof lexicon.cues, text: string, word: string) => {
  const start = text.indexOf(word);
  return contextsOf(readContext(text, lexicon.cues[language]), start, start + word.length);
};

describe('readContext', () => {
  it.each([
    ['nl', 'Denk maar aan economie, energie, gezondheid, mobiliteit, klimaatverandering en veiligheid.', 'gezondheid', 'enumeration'],
    ['en', 'This means a stronger economy, breakthroughs in healthcare, new jobs, better transport and education.', 'transport', 'enumeration'],
    ['nl', 'Het plan gaat over zorg, met ziekenhuizen zoals het UZ Gent als voorbeeld.', 'UZ', 'example'],
    ['fr', 'Des secteurs tels que la santé ou la mobilité sont concernés.', 'santé', 'example'],
    ['nl', 'De Minister van Economische Zaken en Klimaat schreef een brief over algoritmen.', 'Klimaat', 'title'],
    ['de', 'Die Bildungsministerin Lydia Klinkenberg sprach über Schulen.', 'Lydia', 'title'],
  ] as const)('%s: finds the %s context of "%s"', (language, text, word, kind) => {
    expect([...contextsAt(language, text, word)]).toContain(kind);
  });

  it.each([
    ['nl', 'De gemeente zet een chatbot in, want de burgers vragen erom, en dat werkt goed.', 'chatbot'],
    ['en', 'Hospitals need data to treat patients.', 'data'],
  ] as const)('%s: plain prose is not an enumeration (%s)', (language, text, word) => {
    expect(contextsAt(language, text, word).has('enumeration')).toBe(false);
  });

  it.each([
    ['nl', 'Het ministerie wil dat ontwikkelaars het energie- en waterverbruik van hun modellen meten.', 'energie'],
    ['en', 'The defence ministry stresses that human control over weapon systems remains essential.', 'human'],
    ['fr', 'Le ministère des Armées souligne que le contrôle humain reste essentiel.', 'contrôle'],
  ] as const)('%s: an office title ends where its portfolio does (%s)', (language, text, word) => {
    expect(contextsAt(language, text, word).has('title')).toBe(false);
  });

  it.each([
    ['nl', 'De minister van digitalisering en administratieve zaken sprak.', 'digitalisering'],
    ['fr', 'La ministre chargée de la Transition numérique a parlé.', 'Transition'],
    ['en', 'The Minister for Digital Affairs spoke.', 'Digital'],
  ] as const)('%s: the portfolio after an office word is in its title (%s)', (language, text, word) => {
    expect(contextsAt(language, text, word).has('title')).toBe(true);
  });

  it.each([
    ['en', 'The study will assist the Walloon Government in its decisions.', 'Government', true],
    ['en', 'In 2017 the Government decided to fund AI research.', 'Government', true],
    ['fr', 'Elle illustre la réponse que le Gouvernement entend donner.', 'Gouvernement', true],
    // Lower-case, the word is the public sector; at a sentence's start or in capitals, the capital says nothing.
    ['en', 'The ministry promotes responsible AI within and outside government.', 'government', false],
    ['en', 'Government services must explain their algorithms.', 'Government', false],
    ['en', 'Budgets rose. Governments now buy AI.', 'Governments', false],
    ['en', 'A NEW GOVERNMENT PLAN', 'GOVERNMENT', false],
  ] as const)('%s: a government named with a capital as the body that decides counts as a title (%s)', (language, text, word, title) => {
    expect(contextsAt(language, text, word).has('title')).toBe(title);
  });

  it('lets the capitalised executive count less for public services than the public sector does', () => {
    const weight = (text: string) => {
      const ps = collectEvidence(lexicon, text, 'en', { documentAboutAi: true }).themes.find((t) => t.theme === 'public-services');
      return ps?.matches.find((m) => m.concept === 'government')?.weight;
    };
    expect(weight('A study of AI will assist the Walloon Government in its decisions.')).toBeLessThan(weight('A study of AI will assist the government in its decisions.')!);
  });

  it('splits sentences at full stops, blank lines and list lines', () => {
    expect(splitSentences('Een. Twee!\n\nDrie\n • vier').length).toBe(4);
  });

  it.each([
    ['nl', 'De inzet van kunstmatige intelligentie bij de overheid.', true],
    ['fr', "L'IA au service des citoyens.", true],
    ['de', 'KI in der Verwaltung.', true],
    ['en', 'Algorithms decide on benefits.', true],
    ['nl', 'De gemeente opent een nieuw loket.', false],
    ['fr', "J'ai vu le nouveau guichet de la commune.", false],
  ] as const)('mentionsAi(%s, %j) = %s', (language, text, expected) => {
    expect(mentionsAi(text, lexicon.cues[language])).toBe(expected);
  });
});
