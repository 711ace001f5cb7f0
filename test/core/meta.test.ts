import { describe, expect, it } from 'vitest';
import { buildDocumentId, buildMeta, isDocumentId, slugify } from '../../src/core/meta.js';

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

describe('buildDocumentId', () => {
  it.each([
    ['Plan 2024', 'plan-2024'],
    ['CON', 'con-doc'],
    ['nul', 'nul-doc'],
    ['../../etc/passwd', 'etc-passwd'],
    ['/abs/path', 'abs-path'],
    ['\u202Etxt.exe', 'txt-exe'],
    ['．．／', ''],
  ])('buildDocumentId(%j) = %j', (input, expected) => {
    expect(buildDocumentId(input)).toBe(expected);
  });

  it('keeps ids of long names apart with a hash, within 80 characters', () => {
    const a = buildDocumentId(`${'x'.repeat(100)}-a`);
    const b = buildDocumentId(`${'x'.repeat(100)}-b`);
    expect(a).not.toBe(b);
    for (const id of [a, b]) {
      expect(id).toMatch(/^x{71}-[0-9a-f]{8}$/);
      expect(isDocumentId(id)).toBe(true);
    }
  });
});
