// The only importer of unpdf (pdfjs). Loaded lazily: only a run that meets a PDF pays for it.
// pdfjs logs warnings through console unless verbosity is 0, and detaches the buffer it is given.
import { hasNoTextLayer, layoutPdfPages, type PdfTextItem } from '../core/pdf-layout.js';
import { InputError } from '../errors.js';
import type { ExtractedDocument } from './read-document.js';

const VERBOSITY_ERRORS_ONLY = 0;

/** Returns the text of a PDF page by page, with its metadata title; throws InputError for broken, encrypted or scanned PDFs. */
export async function loadPdf(bytes: Uint8Array, source: string): Promise<ExtractedDocument> {
  const { getDocumentProxy, extractTextItems, getMeta } = await import('unpdf');
  let pages: PdfTextItem[][];
  let info: Record<string, unknown> = {};
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: VERBOSITY_ERRORS_ONLY, isEvalSupported: false });
    try {
      pages = (await extractTextItems(pdf)).items;
      info = (await getMeta(pdf).catch(() => ({ info: {} }))).info as Record<string, unknown>;
    } finally {
      await pdf.destroy().catch(() => undefined);
    }
  } catch (error) {
    throw new InputError(source, describePdfError(error));
  }
  const texts = layoutPdfPages(pages);
  if (hasNoTextLayer(texts)) {
    throw new InputError(source, `no text layer: run OCR first (${pages.length} page${pages.length === 1 ? '' : 's'} of images or drawings only)`);
  }
  const title = typeof info['Title'] === 'string' ? info['Title'].trim() : '';
  const language = typeof info['Language'] === 'string' ? info['Language'].trim() : '';
  return {
    pages: texts,
    meta: title === '' ? {} : { title },
    encoding: 'pdf',
    ...(language === '' ? {} : { languageHint: language }),
  };
}

function describePdfError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'encrypted PDF: it needs a password, remove the protection first';
  if (name === 'InvalidPDFException') return `not a readable PDF (${message.replace(/\.$/, '')})`;
  return `not a readable PDF (${message.split('\n')[0]})`;
}
