// The URI under which a PDF letter's text is indexed and shown: the editor's read-only imr-pdf:
// document (client/src/pdfLetters.ts), written here exactly as VS Code writes it
// (`Uri.from({ scheme: 'imr-pdf', path, query: pdfUri }).toString()`), so that a symbol, a view item
// or a problem of a PDF letter opens its text, and the open document and its index entry share a key.

export const PDF_TEXT_SCHEME = 'imr-pdf';

export function isPdfUri(uri: string): boolean {
  return /\.pdf$/i.test(uri.replace(/[?#].*$/, ''));
}

/** VS Code's encoding of a URI component: encodeURIComponent, keeping '/' in a path. */
function encodePath(path: string): string {
  // A Windows drive letter is lower-cased by VS Code.
  const p = /^\/[A-Z]:/.test(path) ? `/${path[1].toLowerCase()}${path.slice(2)}` : path;
  return p.split('/').map(encodeURIComponent).join('/');
}

/** `file:///a/Letter.pdf` → `imr-pdf:/a/Letter.pdf?file%3A%2F%2F%2Fa%2FLetter.pdf`. */
export function pdfTextUriOf(pdfUri: string): string {
  let path: string;
  try {
    path = decodeURIComponent(new URL(pdfUri).pathname);
  } catch {
    path = '/' + pdfUri.replace(/^.*\//, '');
  }
  return `${PDF_TEXT_SCHEME}:${encodePath(path)}?${encodeURIComponent(pdfUri)}`;
}

/** The PDF's own URI inside an imr-pdf: URI, or undefined for any other URI. */
export function pdfOfTextUri(uri: string): string | undefined {
  if (!uri.startsWith(PDF_TEXT_SCHEME + ':')) return undefined;
  const q = uri.indexOf('?');
  if (q < 0) return undefined;
  try {
    return decodeURIComponent(uri.slice(q + 1).replace(/#.*$/, ''));
  } catch {
    return undefined;
  }
}

/** Where a listed file's entry lives in the index: its text document for a PDF, else the file itself. */
export function indexKeyOf(uri: string): string {
  return isPdfUri(uri) ? pdfTextUriOf(uri) : uri;
}
