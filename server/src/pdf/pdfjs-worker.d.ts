// pdfjs-dist ships no type declarations for its worker module; the reader only hands it to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
