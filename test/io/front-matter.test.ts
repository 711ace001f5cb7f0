import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadYaml, parseFrontMatter, readCanonical, stringifyFrontMatter } from '../../src/io/front-matter.js';

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

describe('readCanonical: the corpus reader for what stringifyFrontMatter wrote', () => {
  const yaml = loadYaml();
  const viaYaml = (block: string): unknown => yaml.load(block, { schema: yaml.CORE_SCHEMA });
  const blockOf = (data: Record<string, unknown>): string => stringifyFrontMatter(data, '').slice(4, -5);
  const tricky = {
    id: 'doc',
    title: 'Quote " backslash \\ colon: yes # not a comment, tab\there, é, 日本, 😀, \u2028 and \u202e',
    level: 'federal',
    country: ['BE', 'NL'],
    empty: [],
    none: {},
    flag: true,
    off: false,
    nothing: null,
    numbers: [0, -3, 0.5, 1e-7, 1e21, 123456789012345680000, -0.25],
    languages: { nl: 0.7, fr: 0.3, 'needs quoting': 1, 'True': 2 },
    themes: [
      { id: 'data', score: 0.5, terms: ['data delen', 'Ü'], evidence: [{ passage: 1, start: 0, end: 4, score: 0.5, terms: ['x'] }] },
      { id: 'long', terms: Array.from({ length: 40 }, (_, k) => `term number ${k}`), evidence: [] },
      [1, [2, [3]]],
      'a plain item: with a colon',
    ],
  };

  it('reads what the writer wrote as js-yaml reads it', () => {
    const block = blockOf(tricky);
    expect(block.split('\n').length).toBeGreaterThan(10);
    expect(readCanonical(block)).toEqual(viaYaml(block));
    expect(readCanonical(block)).toEqual(tricky);
  });

  it.each([
    ['a comment', 'id: "doc" # note'],
    ['a plain string', 'id: doc'],
    ['single quotes', "id: 'doc'"],
    ['two spaces after the colon', 'id:  "doc"'],
    ['a trailing space', 'id: "doc" '],
    ['a blank line', 'id: "doc"\n\ntitle: "T"'],
    ['a tab', 'id:\t"doc"'],
    ['a number written otherwise', 'score: 0.50'],
    ['an exponent without its sign', 'score: 1e21'],
    ['minus zero', 'score: -0'],
    ['a key YAML reads as a boolean', 'True: "x"'],
    ['a key YAML reads as null', 'NULL: "x"'],
    ['__proto__', '__proto__: {polluted: true}'],
    ['a duplicate key', 'id: "a"\nid: "b"'],
    ['an unquoted flow item', 'country: [BE, NL]'],
    ['a list one space deeper', 'country:\n   - "BE"'],
    ['a short list in block style', 'country:\n  - "BE"'],
    ['an escape the writer does not use', 'id: "\\/doc"'],
    ['a flow list nested too deep', `a: ${'['.repeat(40)}${']'.repeat(40)}`],
    ['nothing', ''],
  ])('leaves %s to js-yaml', (_name, block) => {
    expect(readCanonical(block)).toBeUndefined();
  });

  it('never reads a block otherwise than js-yaml, however the writer\'s output is edited', () => {
    const block = blockOf(tricky);
    const edits = fc.array(fc.tuple(fc.nat(block.length), fc.nat(3), fc.constantFrom('', ' ', '"', ':', ',', '-', '\n', '#', '[', ']', '{', '}', '0', '\\', 'e', 'x', '  - ')), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(edits, (list) => {
        let text = block;
        for (const [at, cut, insert] of list) text = text.slice(0, at) + insert + text.slice(at + cut);
        const fast = readCanonical(text);
        let slow: unknown;
        try {
          slow = viaYaml(text);
        } catch {
          expect(fast).toBeUndefined();
          return;
        }
        if (fast !== undefined) expect(fast).toEqual(slow);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('is what the corpus reader uses, and the corpus reader falls back on js-yaml for a file edited by hand', () => {
    const text = stringifyFrontMatter(tricky, 'Body\n');
    expect(parseFrontMatter(text, 'a.md', { canonical: true }).data).toEqual(tricky);
    const edited = text.replace('level: "federal"', 'level: federal   # edited');
    expect(readCanonical(edited.slice(4, edited.indexOf('\n---\n')))).toBeUndefined();
    expect(parseFrontMatter(edited, 'a.md', { canonical: true }).data).toEqual({ ...tricky, level: 'federal' });
  });
});
