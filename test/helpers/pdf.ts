// Builds small, valid PDFs by hand for tests: one Helvetica font with WinAnsiEncoding (so é, ë, €
// are single bytes), one content stream per page, an Info dictionary, and a correct xref table.

/** A line of text placed on a page: baseline at `y` points from the bottom, font `size`. */
export interface PdfLine {
  text: string;
  y: number;
  x?: number;
  size?: number;
}

/** What to put in the test PDF. */
export interface PdfSpec {
  pages: PdfLine[][];
  title?: string;
  /** Draw a filled rectangle on every page (a "scan" without a text layer when pages have no lines). */
  drawBox?: boolean;
}

const WIN_ANSI_EXTRA: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };

/** Returns text encoded as Windows-1252 (WinAnsiEncoding); throws for characters it lacks. */
export function encodeWindows1252(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (ch) => {
      const code = WIN_ANSI_EXTRA[ch] ?? ch.codePointAt(0)!;
      if (code > 0xff || (code >= 0x80 && code <= 0x9f && WIN_ANSI_EXTRA[ch] === undefined)) throw new Error(`not in Windows-1252: ${ch}`);
      return code;
    }),
  );
}

function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = WIN_ANSI_EXTRA[ch] ?? ch.codePointAt(0)!;
    if (code > 0xff) throw new Error(`not in WinAnsiEncoding: ${ch}`);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `(${out})`;
}

/** Returns the bytes of a PDF with the given pages, each line drawn with its own text object. */
export function buildPdf(spec: PdfSpec): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const lines of spec.pages) {
    let content = spec.drawBox ? '0.5 g 50 50 500 700 re f 0 g\n' : '';
    for (const line of lines) {
      content += `BT /F1 ${line.size ?? 11} Tf ${line.x ?? 72} ${line.y} Td ${pdfString(line.text)} Tj ET\n`;
    }
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = spec.title === undefined ? undefined : add(`<< /Title ${pdfString(spec.title)} /Producer (aipolicy tests) >>`);
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info === undefined ? '' : ` /Info ${info} 0 R`} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Returns page lines laid out top-down from y=780, 14 points apart; '' leaves an empty line (a paragraph gap). */
export function layoutLines(lines: string[], step = 14): PdfLine[] {
  const out: PdfLine[] = [];
  let y = 780;
  for (const text of lines) {
    if (text !== '') out.push({ text, y });
    y -= step;
  }
  return out;
}
