import type { PdfPrinter } from '../../../electron/services/export/pdf/printer';
import { minimalPdf } from '../../support/minimalPdf';

/** Printing is not what a crash during export puts at risk (the file writing is); the PDFs are fixed bytes. */
export const fixedPdfPrinter: PdfPrinter = {
  print: async () => minimalPdf(),
};
