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
  const picture = await preparePhoto(file, { width: 2000, height: 2000, fit: "inside" });
  if (picture.ok) return { ok: true, name: fileName(file.name, "webp"), type: "image/webp", bytes: picture.bytes };
  return { ok: false, error: picture.error === "errors.photoTooBig" ? picture.error : "boards.errors.fileKind" };
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
