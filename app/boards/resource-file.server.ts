import sharp from "sharp";
import { preparePhoto } from "~/cfp/profile.server";
import { MAX_RESOURCE_BYTES } from "~/infra/body-limits.server";
import { pdfPages } from "~/infra/pdf.server";

// A file posted to a board, judged by its content (docs/decisions/048-boards-of-resources.md): a
// PDF read whole, kept as sent; or a picture, made again as a WebP without its metadata (no GPS
// position leaks from a phone photo). Anything else is refused with a sentence.
export async function readResourceFile(
  file: File,
): Promise<{ ok: true; name: string; type: string; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string }> {
  if (file.size > MAX_RESOURCE_BYTES) return { ok: false, error: "boards.errors.fileTooBig" };
  const bytes = Buffer.from(await file.arrayBuffer());
  if (await pdfPages(bytes))
    return { ok: true, name: fileName(file.name, "pdf"), type: "application/pdf", bytes: new Uint8Array(bytes) };
  // Only what reads as a picture is held to the photos' own limit.
  const format = await sharp(bytes)
    .metadata()
    .then((m) => m.format)
    .catch(() => undefined);
  if (!format || !["jpeg", "png", "webp"].includes(format)) return { ok: false, error: "boards.errors.fileKind" };
  const picture = await preparePhoto(file, { width: 2000, height: 2000, fit: "inside" });
  return picture.ok
    ? { ok: true, name: fileName(file.name, "webp"), type: "image/webp", bytes: picture.bytes }
    : { ok: false, error: picture.error };
}

// The name it is downloaded under: the one it was sent with, kept to letters, digits, spaces,
// dots and dashes, with the extension of what it now is.
function fileName(sent: string, extension: string) {
  const base = (sent.split(/[\\/]/).pop() ?? "")
    .replace(/\.[^.]*$/, "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._-]/gu, "")
    .trim()
    .slice(0, 80);
  return `${base || "ressource"}.${extension}`;
}
