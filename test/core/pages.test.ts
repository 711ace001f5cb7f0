import { describe, expect, it } from 'vitest';
import { assignPages, isPageList, joinPages, findPage, splitPagedPassages } from '../../src/core/pages.js';
import { splitPassages } from '../../src/core/text.js';

describe('joinPages', () => {
  it.each([
    [['Eerste pagina.', 'Tweede pagina.'], 'Eerste pagina.\n\nTweede pagina.\n', [0, 16]],
    [['Een zin die door-', 'loopt op pagina twee.'], 'Een zin die doorloopt op pagina twee.\n', [0, 16]],
    [['Een zin die verder', 'gaat op de volgende pagina.'], 'Een zin die verder gaat op de volgende pagina.\n', [0, 19]],
    [['Titel', '', 'Na een lege pagina.'], 'Titel\n\nNa een lege pagina.\n', [0, 5, 7]],
    [['  Spaties rond.  ', 'Nog iets.'], 'Spaties rond.\n\nNog iets.\n', [0, 15]],
  ])('joins %j', (pages, body, offsets) => {
    expect(joinPages(pages)).toEqual({ body, pages: offsets });
  });
});

describe('findPage', () => {
  it.each([
    [[0, 10, 20], 0, 1],
    [[0, 10, 20], 9, 1],
    [[0, 10, 20], 10, 2],
    [[0, 10, 20], 500, 3],
    [[0, 7, 7], 7, 3],
    [[], 3, undefined],
  ])('pages %j, offset %i → page %s', (pages, offset, page) => {
    expect(findPage(pages, offset)).toBe(page);
  });
});

describe('assignPages', () => {
  it('gives every passage the page its first character is on', () => {
    const { body, pages } = joinPages(['Inleiding\n\nOver cyberveiligheid.', 'Ransomware treft ziekenhuizen.', 'Slot.']);
    const passages = splitPagedPassages(body, pages);
    expect(passages.map((p) => [p.text, p.page])).toEqual([
      ['Inleiding', 1],
      ['Over cyberveiligheid.', 1],
      ['Ransomware treft ziekenhuizen.', 2],
      ['Slot.', 3],
    ]);
  });

  it('leaves passages without pages alone', () => {
    const passages = splitPassages('Een.\n\nTwee.');
    expect(assignPages(passages, undefined)).toBe(passages);
    expect(passages.every((p) => p.page === undefined)).toBe(true);
  });
});

describe('isPageList', () => {
  it.each([
    [[0, 5, 5, 9], true],
    [[0], true],
    [[], false],
    [[1, 5], false],
    [[0, 5, 3], false],
    [[0, 2.5], false],
    ['0,5', false],
  ])('%j → %s', (value, expected) => {
    expect(isPageList(value)).toBe(expected);
  });
});
