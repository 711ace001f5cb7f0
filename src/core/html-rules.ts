// What counts as the main text of a web page: which elements are dropped, which ones end a block,
// and which meta tags give the title, date, publisher and address. Pure rules; the parser is in io/.

/** Elements whose content is never text of the page. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'nav', 'form', 'button', 'select', 'option', 'textarea', 'input', 'label', 'dialog', 'menu',
]);

/** Elements that start and end a block of text. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'address',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'details', 'summary', 'body', 'center', 'fieldset', 'legend',
]);

/** Heading elements: each heading becomes a block of its own, so it is a passage boundary. */
export const HEADING_ELEMENTS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Attributes of an element, names lower-cased. */
export type Attributes = Record<string, string>;

const COOKIE = /(?:^|[\s_-])(?:cookies?|consent|gdpr|cookiebot|onetrust|didomi|tarteaucitron|cc-(?:window|banner)|cmp)(?:$|[\s_-])/i;
const BANNER = /(?:^|[\s_-])banner(?:$|[\s_-])/i;

/** Returns true when an element is hidden: `hidden`, `aria-hidden="true"`, or an inline display:none / visibility:hidden. */
export function isHiddenElement(attributes: Attributes): boolean {
  if ('hidden' in attributes) return true;
  if ((attributes['aria-hidden'] ?? '').trim().toLowerCase() === 'true') return true;
  const style = (attributes['style'] ?? '').toLowerCase().replace(/\s+/g, '');
  return /(?:^|;)display:none/.test(style) || /(?:^|;)visibility:hidden/.test(style);
}

/** Returns true for a cookie or consent banner, recognised by its id, class or label. */
export function isCookieBanner(attributes: Attributes): boolean {
  const names = `${attributes['id'] ?? ''} ${attributes['class'] ?? ''} ${attributes['aria-label'] ?? ''}`;
  return COOKIE.test(names);
}

/** Returns true for an element that opens a main text region: `<main>`, `<article>`, role="main". */
export function isMainElement(name: string, attributes: Attributes): boolean {
  return name === 'main' || name === 'article' || (attributes['role'] ?? '').toLowerCase() === 'main';
}

/** Returns true for page furniture around the main text: site header, footer, banners, search, navigation roles. */
export function isPageFurniture(name: string, attributes: Attributes): boolean {
  const role = (attributes['role'] ?? '').toLowerCase();
  if (['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'alertdialog'].includes(role)) return true;
  if (name === 'header' || name === 'footer') return true;
  return BANNER.test(`${attributes['id'] ?? ''} ${attributes['class'] ?? ''}`);
}

/** Metadata a page declares about itself. */
export interface HtmlMeta {
  title?: string;
  date?: string;
  publisher?: string;
  source?: string;
}

/** What the parser collected from the head: meta tags by name or property (lower-cased), the title, canonical link. */
export interface HtmlHead {
  metas: Record<string, string>;
  title: string;
  canonical?: string;
  firstHeading?: string;
}

const DATE_KEYS = ['article:published_time', 'dcterms.date', 'dcterms.issued', 'dcterms.created', 'dc.date', 'date', 'pubdate', 'publish-date', 'datepublished', 'og:published_time'];
const PUBLISHER_KEYS = ['publisher', 'dcterms.publisher', 'dc.publisher', 'og:site_name', 'article:publisher', 'author', 'dcterms.creator', 'dc.creator'];

/** Returns the title, date (YYYY[-MM[-DD]]), publisher and address declared by a page; fields it does not declare are absent. */
export function pickHtmlMeta(head: HtmlHead): HtmlMeta {
  const meta: HtmlMeta = {};
  const clean = (value: string | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();
  const title = clean(head.metas['og:title']) || clean(head.metas['dcterms.title']) || clean(head.title) || clean(head.firstHeading);
  if (title !== '') meta.title = title;
  for (const key of DATE_KEYS) {
    const date = parseMetaDate(clean(head.metas[key]));
    if (date !== undefined) {
      meta.date = date;
      break;
    }
  }
  const publisher = PUBLISHER_KEYS.map((key) => clean(head.metas[key])).find((value) => value !== '' && !/^https?:\/\//i.test(value));
  if (publisher !== undefined) meta.publisher = publisher;
  const source = [head.canonical, head.metas['og:url']].map(clean).find((url) => /^https?:\/\/\S+$/i.test(url));
  if (source !== undefined) meta.source = source;
  return meta;
}

/** Returns an ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) from the start of a meta value, or undefined when it is not one. */
export function parseMetaDate(value: string): string | undefined {
  const match = /^(\d{4})(?:[-/](\d{2})(?:[-/](\d{2}))?)?(?:$|[T\s])/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return undefined;
  return [year, month, day].filter((part) => part !== undefined).join('-');
}
