import sharp from "sharp";
import type { Db } from "~/infra/db/client.server";
import { MAX_PHOTO_BYTES } from "~/infra/body-limits.server";

export async function speakerProfile(client: Db, userId: string) {
  return client.speakerProfile.findUnique({
    where: { userId },
    select: { bio: true, region: true, links: true, photoUpdatedAt: true },
  });
}

// One write for the name (the account's, which the programme and the mails show), the texts and,
// when a new one was sent, the prepared photo.
export async function saveSpeakerProfile(
  client: Db,
  userId: string,
  input: { name: string; bio: string; region?: string; links: string[]; photo?: Uint8Array<ArrayBuffer> },
) {
  const data = {
    bio: input.bio,
    region: input.region ?? "",
    links: input.links,
    ...(input.photo ? { photo: input.photo, photoUpdatedAt: new Date() } : {}),
  };
  await client.$transaction([
    client.user.update({ where: { id: userId }, data: { name: input.name } }),
    client.speakerProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
  ]);
}

export type PhotoResult =
  { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: "errors.photoTooBig" | "errors.photoNotImage" };

// The type is judged from the file's content, not its name or declared type; the result is a
// WebP (400×400 unless told otherwise) without the original's metadata (no GPS position leaks
// from a phone photo).
export async function preparePhoto(
  file: Blob,
  size: { width: number; height: number; fit: "cover" | "inside" } = { width: 400, height: 400, fit: "cover" },
): Promise<PhotoResult> {
  if (file.size > MAX_PHOTO_BYTES) return { ok: false, error: "errors.photoTooBig" };
  const input = Buffer.from(await file.arrayBuffer());
  try {
    const { format, width, height } = await sharp(input).metadata();
    if (!format || !["jpeg", "png", "webp"].includes(format) || !width || !height || width * height > 40_000_000) {
      return { ok: false, error: "errors.photoNotImage" };
    }
    const output = await sharp(input)
      .rotate()
      .resize(size.width, size.height, { fit: size.fit, withoutEnlargement: size.fit === "inside" })
      .webp({ quality: 82 })
      .toBuffer();
    return { ok: true, bytes: new Uint8Array(output) };
  } catch {
    return { ok: false, error: "errors.photoNotImage" };
  }
}

export async function speakerPhoto(client: Db, userId: string) {
  const profile = await client.speakerProfile.findUnique({ where: { userId }, select: { photo: true } });
  return profile?.photo ?? null;
}
