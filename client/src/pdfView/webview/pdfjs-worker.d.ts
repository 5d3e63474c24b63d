// pdfjs-dist ships no type declarations for its worker module; the page only hands it to pdf.js.
declare module 'pdfjs-dist/build/pdf.worker.mjs';
