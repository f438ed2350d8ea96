import sharp from "sharp";
import { expect, test } from "vitest";
import { speakerProfileSchema } from "~/cfp/profile-form";
import { MAX_PHOTO_BYTES } from "~/infra/body-limits.server";
import { preparePhoto, saveSpeakerProfile, speakerPhoto, speakerProfile } from "~/cfp/profile.server";
import { freshDatabase } from "../support/database";
import { createUser } from "../support/factories";

const { prisma: db } = await freshDatabase();

async function jpeg(width: number, height: number) {
  const bytes = await sharp({ create: { width, height, channels: 3, background: "#b4432b" } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Artist: "Téléphone de Camille" } } })
    .toBuffer();
  return new Blob([new Uint8Array(bytes)], { type: "image/jpeg" });
}

test("a photo is cropped to a 400×400 WebP and loses its metadata", async () => {
  const prepared = await preparePhoto(await jpeg(1200, 800));
  expect(prepared.ok).toBe(true);
  const meta = await sharp(Buffer.from(prepared.ok ? prepared.bytes : new Uint8Array())).metadata();
  expect(meta).toMatchObject({ format: "webp", width: 400, height: 400 });
  expect(meta.exif).toBeUndefined();
});

test("a file that is not an image is refused, whatever its name or declared type", async () => {
  const fake = new Blob([new TextEncoder().encode("%PDF-1.7 pas une photo")], { type: "image/jpeg" });
  expect(await preparePhoto(fake)).toEqual({ ok: false, error: "errors.photoNotImage" });
  const gif = new Blob([
    new Uint8Array(
      await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
        .gif()
        .toBuffer(),
    ),
  ]);
  expect(await preparePhoto(gif)).toEqual({ ok: false, error: "errors.photoNotImage" });
});

test("a photo over 5 MB is refused before it is decoded", async () => {
  const big = new Blob([new Uint8Array(MAX_PHOTO_BYTES + 1)], { type: "image/png" });
  expect(await preparePhoto(big)).toEqual({ ok: false, error: "errors.photoTooBig" });
});

test("the profile keeps its texts and its photo, and a later save without a photo keeps the photo", async () => {
  const user = await createUser(db);
  const prepared = await preparePhoto(await jpeg(600, 600));
  await saveSpeakerProfile(db, user.id, {
    name: "Nadia Ferrand",
    bio: "Fondatrice de deux entreprises, dont une a échoué.",
    region: "Bretagne",
    links: ["https://exemple.fr"],
    photo: prepared.ok ? prepared.bytes : undefined,
  });
  await saveSpeakerProfile(db, user.id, { name: "Nadia Ferrand", bio: "Bio revue.", region: "Bretagne", links: [] });
  expect(await speakerProfile(db, user.id)).toMatchObject({ bio: "Bio revue.", region: "Bretagne", links: [] });
  expect((await speakerPhoto(db, user.id))?.length).toBeGreaterThan(0);
});

test("the profile form asks for the name and refuses links that are not web addresses and unknown regions", () => {
  const result = speakerProfileSchema.safeParse({
    intent: "profile",
    name: " ",
    link1: "javascript:alert(1)",
    region: "Atlantide",
  });
  expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
    ["name", "errors.tooShort"],
    ["region", "errors.required"],
    ["link1", "errors.url"],
  ]);
});
