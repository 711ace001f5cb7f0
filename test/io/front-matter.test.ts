import { describe, expect, it } from 'vitest';
import { parseFrontMatter, stringifyFrontMatter } from '../../src/io/front-matter.js';

describe('parseFrontMatter', () => {
  it.each([
    ['no front matter', 'Just text.', {}, 'Just text.'],
    ['YAML mapping', '---\ntitle: Plan\nlevel: federal\n---\nBody.\n', { title: 'Plan', level: 'federal' }, 'Body.\n'],
    ['dates stay strings', '---\ndate: 2025-01-31\n---\nB', { date: '2025-01-31' }, 'B'],
    ['explicit yaml language', '---yaml\ntitle: X\n---\nB', { title: 'X' }, 'B'],
    ['empty front matter', '---\n---\nB', {}, 'B'],
    ['a horizontal rule is not front matter', '----\nB', {}, '----\nB'],
  ])('%s', (_name, text, data, body) => {
    const parsed = parseFrontMatter(text, 'f.md');
    expect(parsed.data).toEqual(data);
    expect(parsed.body).toBe(body);
  });

  it.each([
    ['---js\n{ title: "x" }\n---\nB', /front matter in "js" is code and is refused/],
    ['--- JavaScript\n{}\n---\nB', /front matter in "javascript" is code and is refused/],
    ['---coffee\ntitle: "x"\n---\nB', /"coffee" is code and is refused/],
    ['---toml\ntitle = "x"\n---\nB', /language "toml" is not supported/],
    ['---\ntitle: x\nBody without a closing line', /front matter is not closed/],
    ['---\n- a\n- b\n---\nB', /must be a mapping/],
    ['---\njust a scalar\n---\nB', /must be a mapping/],
    ['---\ntitle: [unclosed\n---\nB', /invalid YAML front matter/],
    ['---\na: &x [1, 2]\nb: *x\n---\nB', /YAML aliases/],
    ['--- CoffeeScript\n---\nB', /"coffeescript" is code and is refused/],
    ['---CSON\n---\nB', /"cson" is code and is refused/],
    ['---\tJs  \n---\nB', /"js" is code and is refused/],
    [`---\na: ${'['.repeat(50)}${']'.repeat(50)}\n---\nB`, /^front matter is nested deeper than 32 levels$/],
    [`---\na: ${'['.repeat(100_000)}\n---\nB`, /^front matter is nested deeper than 32 levels$/],
    [`---\n${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} v\n---\nB`, /^front matter is nested deeper than 32 levels$/],
    ['---\ntitle: !!js/function "function(){}"\n---\nB', /unknown tag/],
  ])('refuses %j', (text, message) => {
    expect(() => parseFrontMatter(text, 'bad.md')).toThrow(message);
  });

  it('measures the front matter limit in bytes, and lets the corpus reader allow more', () => {
    const text = `---\ntitle: "${'é'.repeat(600 * 1024)}"\n---\nB`; // 600 K characters, 1.2 MB of UTF-8
    expect(() => parseFrontMatter(text, 'big.md')).toThrow(/^front matter is larger than 1 MB$/);
    expect(parseFrontMatter(text, 'big.md', { maxBytes: 2 * 1024 * 1024 }).data['title']).toHaveLength(600 * 1024);
  });

  it('keeps __proto__ and constructor keys as plain data, polluting nothing', () => {
    const parsed = parseFrontMatter('---\n__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\n---\nB', 'p.md');
    expect(Object.keys(parsed.data)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never evaluates JavaScript front matter', () => {
    const marker = '__aipolicy_evaluated__';
    const text = `---js\n(function(){ globalThis.${marker} = true; return {}; })()\n---\nB`;
    expect(() => parseFrontMatter(text, 'evil.md')).toThrow(/refused/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });
});

describe('stringifyFrontMatter', () => {
  it('writes YAML that reads back to the same data and body', () => {
    const data = {
      id: 'doc',
      title: 'Quote " and: colon, yes',
      date: '2024-03-01',
      country: ['BE', 'NL'],
      languages: { nl: 0.7, fr: 0.3 },
      themes: [{ id: 'data', score: 0.5, terms: ['data delen', 'Ü'], evidence: [{ passage: 1, start: 0, end: 4, score: 0.5, terms: ['x'] }] }],
      flag: 'yes',
      octal: '010',
    };
    const text = stringifyFrontMatter(data, 'Body\n');
    const parsed = parseFrontMatter(text, 'round.md');
    expect(parsed.data).toEqual(data);
    expect(parsed.body).toBe('Body\n');
  });
});
