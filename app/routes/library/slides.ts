import type { Route } from "./+types/slides";
import { notFound } from "~/auth/roles.server";
import { libraryStorySlides } from "~/library/library.server";
import { db } from "~/infra/db/db.server";

// A library story's slides, as uploaded (a PDF checked when it was): gone with the story.
export async function loader({ params }: Route.LoaderArgs) {
  const slides = await libraryStorySlides(db(), params.submissionId);
  if (!slides) notFound();
  return new Response(new Uint8Array(slides.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="diapositives.pdf"',
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, no-cache",
      "Last-Modified": slides.updatedAt.toUTCString(),
    },
  });
}
