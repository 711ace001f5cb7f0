import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguages, LANGUAGE_MODEL, scoreByNgrams } from '../../src/core/language.js';
import { splitPassages } from '../../src/core/text.js';

describe('detectLanguage', () => {
  it.each([
    ['De federale overheid wil de kansen die artificiële intelligentie biedt ten volle benutten.', 'nl'],
    ['Le gouvernement fédéral veut exploiter pleinement les possibilités offertes par l’intelligence artificielle.', 'fr'],
    ['Die Bundesregierung möchte die Chancen der künstlichen Intelligenz voll ausschöpfen und fördern.', 'de'],
    ['The federal government wants to make full use of the opportunities that artificial intelligence offers.', 'en'],
    ['AI', 'und'],
    ['', 'und'],
    ["D'Regierung huet eng Strategie ugeholl fir dat autonoomt Fueren, an et misst ee kucken, datt dat och fir jiddereen ze verstoe ass.", 'lb'],
    ['FILIP, Koning der Belgen, | PHILIPPE, Roi des Belges, | Aan allen die nu zijn en hierna wezen zullen, Onze Groet. | A tous, présents et à venir, Salut.', 'nl'],
  ])('detects %j as %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('detectLanguages', () => {
  it('reports shares for a mixed Dutch and French document', () => {
    const body = [
      'De federale regering keurde vandaag een plan goed om de digitalisering van de overheidsdiensten te versnellen en de burgers beter te informeren over hun rechten.',
      'Le gouvernement fédéral a approuvé aujourd’hui un plan pour accélérer la numérisation.',
    ].join('\n\n');
    const profile = detectLanguages(splitPassages(body));
    expect(profile.passages).toEqual(['nl', 'fr']);
    expect(profile.language).toBe('nl');
    expect(Object.keys(profile.languages)).toEqual(['nl', 'fr']);
    expect((profile.languages.nl ?? 0) + (profile.languages.fr ?? 0)).toBeCloseTo(1, 1);
  });

  it('gives short passages the language of the document', () => {
    const body = 'Actieagenda\n\nDe coalitie heeft een eigen agenda opgesteld waarin tal van acties staan gericht op onderwijs en data delen.';
    expect(detectLanguages(splitPassages(body)).passages).toEqual(['nl', 'nl']);
  });

  it('is und for an empty document', () => {
    expect(detectLanguages([]).language).toBe('und');
  });
});

describe('the n-grams eld is loaded with', () => {
  it('are our four languages’ share of its data set, written by npm run build', () => {
    expect(LANGUAGE_MODEL).toBe('subset');
  });

  it('score every development passage, whole and cut short, as eld’s whole data set does', async () => {
    const whole = (await import('eld/extrasmall')).eld;
    whole.setLanguageSubset(['nl', 'fr', 'de', 'en']);
    const passages = readFileSync(fileURLToPath(new URL('../../fixtures/devset/passages.jsonl', import.meta.url)), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(passages.length).toBeGreaterThan(200);
    const texts = passages.flatMap((text) => [text, text.slice(0, 20), text.slice(0, 60), text.slice(-40)]);
    const differing = texts.filter((text) => JSON.stringify(scoreByNgrams(text)) !== JSON.stringify(whole.detect(text).getScores()));
    expect(differing).toEqual([]);
    expect(Object.keys(scoreByNgrams(passages[0]!)).length).toBeGreaterThan(0);
  });
});
