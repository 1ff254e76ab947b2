// pdf.js's worker module, imported only for its side effect (it sets globalThis.pdfjsWorker, which pdf.js's Node "fake worker" uses).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs'
