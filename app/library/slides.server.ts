import type { Db } from "~/infra/db/client.server";
import type { Outcome } from "~/infra/form-intents.server";
import { MAX_SLIDES_BYTES } from "~/infra/body-limits.server";
import { pdfPages } from "~/infra/pdf.server";

// A story's slides (docs/decisions/047-rebound-library.md): a PDF, checked by what it holds, not
// by its name (app/infra/pdf.server.ts). The library serves it with the story's page.

export async function readSlides(
  file: File,
): Promise<{ ok: true; pdf: Buffer; pages: number } | { ok: false; error: string }> {
  if (file.size === 0) return { ok: false, error: "library.errors.slidesMissing" };
  if (file.size > MAX_SLIDES_BYTES) return { ok: false, error: "library.errors.slidesTooBig" };
  const pdf = Buffer.from(await file.arrayBuffer());
  const pages = await pdfPages(pdf);
  return pages ? { ok: true, pdf, pages } : { ok: false, error: "library.errors.slidesNotPdf" };
}

export async function setSlides(client: Db, eventId: string, submissionId: string, file: File): Promise<Outcome> {
  const story = await client.submission.findFirst({
    where: { id: submissionId, eventId, state: "CONFIRMED" },
    select: { id: true },
  });
  if (!story) return { ok: false, error: "errors.notFound" };
  const read = await readSlides(file);
  if (!read.ok) return read;
  const slides = { pdf: new Uint8Array(read.pdf), pages: read.pages, bytes: read.pdf.length };
  await client.storySlides.upsert({ where: { submissionId }, create: { submissionId, ...slides }, update: slides });
  return { ok: true };
}

export async function removeSlides(client: Db, eventId: string, submissionId: string): Promise<Outcome> {
  const { count } = await client.storySlides.deleteMany({ where: { submissionId, submission: { eventId } } });
  return count ? { ok: true } : { ok: false, error: "errors.notFound" };
}
