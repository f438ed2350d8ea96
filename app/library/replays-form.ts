import { z } from "zod";

// The organisers' forms of an event's replays page, read by zod; each message a sentence.
const id = z.string({ error: "errors.notFound" }).min(1, "errors.notFound").max(40, "errors.notFound");
const webAddress = (message: string) => z.url({ protocol: /^https?$/, error: message }).max(500, message);

export const replaySchema = z.object({
  id,
  replayUrl: z.union([z.literal(""), webAddress("library.errors.replayUrl")]).default(""),
});

export const articleSchema = z.object({
  id,
  title: z
    .string({ error: "library.errors.articleTitle" })
    .trim()
    .min(2, "library.errors.articleTitle")
    .max(200, "library.errors.articleTitle"),
  url: webAddress("library.errors.articleUrl"),
});

// A form that names only the item it is for (remove an article, remove the slides).
export const itemSchema = z.object({ id });

export const slidesSchema = itemSchema.extend({
  slides: z.instanceof(File, { error: "library.errors.slidesMissing" }),
});
