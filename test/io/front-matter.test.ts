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
  ])('refuses %j', (text, message) => {
    expect(() => parseFrontMatter(text, 'bad.md')).toThrow(message);
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
