import { describe, expect, it } from 'vitest';
import { filterDocuments, parseFilter } from '../../src/core/filter.js';
import type { ComparedDocument } from '../../src/model.js';

const doc = (id: string, meta: ComparedDocument['meta'], language: ComparedDocument['language'] = 'nl'): ComparedDocument => ({ id, meta, language, themes: [] });
const docs = [
  doc('fed', { level: 'federal', country: ['BE'], date: '2022-11-21', publisher: 'FOD BOSA' }),
  doc('wal', { level: 'regional', country: ['BE'], region: 'Wallonia' }, 'fr'),
  doc('bnl', { level: 'benelux', country: ['BE', 'NL', 'LU'], date: '2021' }),
  doc('eu', { level: 'eu', country: ['EU'] }, 'en'),
];

describe('parseFilter', () => {
  it.each([
    ['level=federal,regional', { field: 'level', values: ['federal', 'regional'] }],
    ['country=BE', { field: 'country', values: ['BE'] }],
    ['lang=fr', { field: 'language', values: ['fr'] }],
    [' year = 2021 , 2022 ', { field: 'year', values: ['2021', '2022'] }],
  ])('%s', (expression, filter) => {
    expect(parseFilter(expression)).toEqual(filter);
  });
  it.each([
    ['planet=mars', 'field one of level, country'],
    ['level', 'expected field=value'],
    ['level=', 'no value after "="'],
    ['level=provincial', '"provincial" is not one of eu, benelux'],
    ['language=xx', '"xx" is not one of nl, fr'],
  ])('refuses %s', (expression, message) => {
    expect(() => parseFilter(expression)).toThrow(message);
  });
});

describe('filterDocuments', () => {
  it.each([
    [['level=federal,regional'], ['fed', 'wal']],
    [['country=be'], ['fed', 'wal', 'bnl']],
    [['country=BE', 'lang=fr'], ['wal']],
    [['year=2021,2022'], ['fed', 'bnl']],
    [['region=wallonia'], ['wal']],
    [['publisher=FOD BOSA'], ['fed']],
    [['document=eu'], ['eu']],
    [[], ['fed', 'wal', 'bnl', 'eu']],
  ])('%j keeps %j', (expressions, ids) => {
    expect(filterDocuments(docs, expressions.map(parseFilter)).map((d) => d.id)).toEqual(ids);
  });
});
