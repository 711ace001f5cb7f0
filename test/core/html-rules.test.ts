import { describe, expect, it } from 'vitest';
import { isCookieBanner, isHiddenElement, isPageFurniture, parseMetaDate, pickHtmlMeta } from '../../src/core/html-rules.js';

describe('isHiddenElement', () => {
  it.each([
    [{ hidden: '' }, true],
    [{ 'aria-hidden': 'true' }, true],
    [{ 'aria-hidden': 'false' }, false],
    [{ style: 'color: red; display : none' }, true],
    [{ style: 'visibility:hidden' }, true],
    [{ style: 'display:block' }, false],
    [{ class: 'hidden-xs' }, false],
  ])('%j → %s', (attributes, expected) => {
    expect(isHiddenElement(attributes)).toBe(expected);
  });
});

describe('isCookieBanner and isPageFurniture', () => {
  it.each([
    [{ id: 'cookie-banner' }, true],
    [{ class: 'js-consent modal' }, true],
    [{ id: 'onetrust-consent-sdk' }, true],
    [{ class: 'gdpr' }, true],
    [{ class: 'article-body' }, false],
    [{ id: 'cookiesandcream' }, false],
  ])('cookie banner %j → %s', (attributes, expected) => {
    expect(isCookieBanner(attributes)).toBe(expected);
  });

  it.each([
    ['header', {}, true],
    ['div', { role: 'navigation' }, true],
    ['div', { class: 'site-banner' }, true],
    ['div', { role: 'contentinfo' }, true],
    ['section', { class: 'content' }, false],
  ])('furniture <%s %j> → %s', (name, attributes, expected) => {
    expect(isPageFurniture(name, attributes)).toBe(expected);
  });
});

describe('parseMetaDate', () => {
  it.each([
    ['2024-03-05T10:00:00+01:00', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024/03', '2024-03'],
    ['2024', '2024'],
    ['2024-13-01', undefined],
    ['5 maart 2024', undefined],
    ['20240305', undefined],
  ])('%j → %s', (value, expected) => {
    expect(parseMetaDate(value)).toBe(expected);
  });
});

describe('pickHtmlMeta', () => {
  it('prefers og:title, the first valid date, the publisher, and an absolute canonical URL', () => {
    const meta = pickHtmlMeta({
      title: 'Nieuws | Site',
      metas: { 'og:title': ' Plan  AI ', date: 'gisteren', 'dcterms.date': '2023-11', 'og:site_name': 'FOD BOSA', author: 'Jan' },
      canonical: 'https://bosa.belgium.be/nl/plan',
    });
    expect(meta).toEqual({ title: 'Plan AI', date: '2023-11', publisher: 'FOD BOSA', source: 'https://bosa.belgium.be/nl/plan' });
  });

  it('falls back to <title>, then the first heading; ignores relative URLs and URL publishers', () => {
    expect(pickHtmlMeta({ title: ' Titel ', metas: { 'article:publisher': 'https://facebook.com/x' }, canonical: '/nl/plan' })).toEqual({ title: 'Titel' });
    expect(pickHtmlMeta({ title: '', metas: {}, firstHeading: 'Kop' })).toEqual({ title: 'Kop' });
  });
});
