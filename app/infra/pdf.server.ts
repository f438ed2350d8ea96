import { PDFDocument } from "pdf-lib";

const PDF_MAGIC = Buffer.from("%PDF-");

// A PDF is judged by what it holds, not by its name: it must start as a PDF does and be read whole
// by pdf-lib. Its number of pages, or null for anything else (an encrypted or broken file too).
export async function pdfPages(bytes: Buffer): Promise<number | null> {
  if (!bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return null;
  try {
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    return pages > 0 ? pages : null;
  } catch {
    return null;
  }
}
