// Which reader a file needs, from its magic bytes first and its extension second.

/** The input formats the tool reads. */
export type InputFormat = 'text' | 'html' | 'pdf' | 'docx';

const EXTENSIONS: Record<string, InputFormat> = {
  '.md': 'text',
  '.markdown': 'text',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** Extensions read as documents when a folder is walked. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

/** Returns the format for a file extension (with the dot, any case), or undefined when it is not a document type. */
export function formatOfExtension(extension: string): InputFormat | undefined {
  return EXTENSIONS[extension.toLowerCase()];
}

const PDF_BYTES = [...'%PDF-'].map((c) => c.charCodeAt(0));
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Returns the format of an input: a PDF by its header wherever it comes from, else by extension, else sniffed (stdin). */
export function detectFormat(extension: string, bytes: Uint8Array): InputFormat {
  if (PDF_BYTES.every((b, i) => bytes[i] === b)) return 'pdf';
  const byExtension = formatOfExtension(extension);
  if (byExtension !== undefined) return byExtension;
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'docx';
  // One character per byte (Latin-1), as far as the HTML sniffing needs.
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (/^(?:\uFEFF|\xEF\xBB\xBF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(start)) return 'html';
  return 'text';
}

/** Returns true when bytes look binary (a NUL byte, or many control bytes, without a UTF-16 byte-order mark): not a text document. */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  if (bytes.indexOf(0) !== -1) return true;
  let controls = 0;
  for (const b of bytes) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls += 1;
  // Text in any of our encodings has next to no control bytes; random or compressed data has about 10%.
  return controls > Math.max(2, bytes.length * 0.02);
}
