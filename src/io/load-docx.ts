// The only importer of mammoth, loaded lazily. Mammoth turns Word styles into HTML headings,
// paragraphs and lists; the HTML reader then gives the same blocks as for a web page.
import { InputError } from '../errors.js';
import { extractHtmlText } from './load-html.js';
import type { ExtractedDocument } from './read-document.js';

/** Returns the text of a DOCX file, headings and list items as their own blocks; throws InputError when it is not a readable DOCX. */
export async function loadDocx(bytes: Uint8Array, source: string): Promise<ExtractedDocument> {
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    // externalFileAccess stays off: a document must not make us read other files.
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { externalFileAccess: false })).value;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(source, `not a readable DOCX file (${message})`);
  }
  const page = await extractHtmlText(html, source);
  return { text: page.text, meta: page.meta.title ? { title: page.meta.title } : {}, encoding: 'docx' };
}
