import { describe, expect, it } from 'vitest';
import { suggestMeta, suggestionFlags } from '../../src/core/suggest.js';

describe('suggestMeta', () => {
  it.each([
    ['De federale overheid lanceert een plan.', {}, { level: 'federal', country: ['BE'], because: ["'federale overheid'"] }],
    ['De Vlaamse Regering keurt het plan goed. De Vlaamse Regering investeert.', {}, { level: 'regional', country: ['BE'], region: 'Flanders', because: ["'Vlaamse Regering' ×2"] }],
    ['Le gouvernement wallon soutient CyberWal.', {}, { level: 'regional', country: ['BE'], region: 'Wallonia', because: ["'gouvernement wallon'"] }],
    ['De gemeenteraad van Coevorden besluit.', {}, { level: 'local', because: ["'gemeenteraad'"] }],
    ['De Rijksoverheid en het kabinet werken samen.', {}, { level: 'national', country: ['NL'], because: ["'Rijksoverheid', 'het kabinet'"] }],
    ['Samenwerking in de Benelux.', {}, { level: 'benelux', country: ['BE', 'NL', 'LU'], because: ["'Benelux'"] }],
    ['Tekst zonder aanwijzing.', { source: 'https://digital-strategy.ec.europa.eu/en/x' }, { level: 'eu', country: ['EU'], because: ['host digital-strategy.ec.europa.eu'] }],
    ['Tekst zonder aanwijzing.', { source: 'https://www.example.nl/a' }, { country: ['NL'], because: ['host www.example.nl'] }],
  ] as const)('%j %j', (body, meta, expected) => {
    expect(suggestMeta(meta, body)).toEqual(expected);
  });

  it('suggests only what is missing, and nothing when nothing points anywhere', () => {
    expect(suggestMeta({ level: 'regional' }, 'De federale overheid, de federale regering en de Vlaamse Regering.')).toEqual({ country: ['BE'], region: 'Flanders', because: ["'Vlaamse Regering'"] });
    expect(suggestMeta({ country: ['BE'] }, 'De federale overheid.')).toEqual({ level: 'federal', because: ["'federale overheid'"] });
    expect(suggestMeta({ level: 'federal', country: ['BE'] }, 'De federale overheid.')).toBeUndefined();
    expect(suggestMeta({}, 'Over cyberveiligheid in ziekenhuizen.')).toBeUndefined();
  });
});

describe('suggestionFlags', () => {
  it.each([
    [{ level: 'federal', country: ['BE'], because: [] }, '--level federal --country BE'],
    [{ level: 'benelux', country: ['BE', 'NL', 'LU'], because: [] }, '--level benelux --country "BE;NL;LU"'],
    [{ level: 'regional', country: ['BE'], region: 'Brussels-Capital', because: [] }, '--level regional --country BE --region Brussels-Capital'],
    [{ region: 'German-speaking Community', because: [] }, '--region "German-speaking Community"'],
  ] as const)('%j → %s', (suggestion, flags) => {
    expect(suggestionFlags({ ...suggestion, because: [] } as never)).toBe(flags);
  });
});
