import { describe, expect, it } from 'vitest';
import { buildMeta, isDocumentId, slugify } from '../../src/core/meta.js';

describe('buildMeta', () => {
  it('reads every field and lets overrides win', () => {
    const meta = buildMeta(
      { title: ' Plan  AI ', level: 'Federal', country: 'BE;NL', region: 'Flanders', date: '2022-11', publisher: 'FOD', url: 'https://x' },
      { level: 'regional', publisher: 'Vlaamse overheid' },
      'f.md',
    );
    expect(meta).toEqual({ title: 'Plan AI', level: 'regional', country: ['BE', 'NL'], region: 'Flanders', date: '2022-11', publisher: 'Vlaamse overheid', source: 'https://x' });
  });

  it.each([
    [{ level: 'province' }, /level "province" is not one of eu, benelux/],
    [{ date: '21/11/2022' }, /date "21\/11\/2022" is not YYYY/],
    [{ country: 'Belgium' }, /country "BELGIUM" is not a two-letter code/],
    [{ title: { nested: true } }, /"title" must be text/],
  ])('refuses %j', (data, message) => {
    expect(() => buildMeta(data, {}, 'f.md')).toThrow(message);
  });

  it('accepts a country list', () => {
    expect(buildMeta({ country: ['be', 'NL', 'LU'] }, {}, 'f.md').country).toEqual(['BE', 'NL', 'LU']);
  });
});

describe('slugify', () => {
  it.each([
    ['Nationaal Convergentieplan (2022)', 'nationaal-convergentieplan-2022'],
    ['../../etc/passwd', 'etc-passwd'],
    ['/absolute/path', 'absolute-path'],
    ['CON', 'con-doc'],
    ['Économie & société', 'economie-societe'],
    ['x'.repeat(300), 'x'.repeat(80)],
    ['***', ''],
  ])('slugify(%j) = %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it.each([
    ['be-federal-plan', true],
    ['../x', false],
    ['Upper', false],
    ['', false],
  ])('isDocumentId(%j) = %s', (id, expected) => {
    expect(isDocumentId(id)).toBe(expected);
  });
});
