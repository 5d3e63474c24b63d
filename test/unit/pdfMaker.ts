// Small PDFs written byte by byte for tests: pages of text lines set in Helvetica at given places,
// with a correct cross-reference table, so that a PDF reader opens them as it would any PDF. Only
// what the tests need: no fonts embedded, no compression, ASCII text (and LIGATURE_FI, LIGATURE_FL).

/** Characters of a PdfLine's text that the PDF sets as the fi and fl ligature glyphs. */
export const LIGATURE_FI = '\u0080';
export const LIGATURE_FL = '\u0081';

export interface PdfLine {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page (PDF user space). */
  y: number;
  size?: number;
}

function escapePdfString(s: string): string {
  return s.replace(/[\\()]/g, (c) => '\\' + c);
}

/** A PDF of US Letter pages (612 x 792 pt), each holding the given lines; an empty page has none. */
export function makePdf(pages: readonly (readonly PdfLine[])[]): Buffer {
  const objects: string[] = [];
  // 1: catalog, 2: page tree, 3: font; then per page a page object and its content stream.
  const pageIds = pages.map((_, i) => 4 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  // Codes 0x80 and 0x81 are the fi and fl ligature glyphs, as typesetting programs use them.
  objects[3] =
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 /fi /fl] >> >>';
  pages.forEach((lines, i) => {
    const content = lines
      .map((l) => `BT /F1 ${l.size ?? 12} Tf ${l.x} ${l.y} Td (${escapePdfString(l.text)}) Tj ET`)
      .join('\n');
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
