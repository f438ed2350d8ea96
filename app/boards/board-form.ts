import { z } from "zod";

// The forms of a series' board of resources (docs/decisions/048-boards-of-resources.md), read by
// zod; each message a sentence. One form posts all three kinds: a file makes it a file, else an
// address makes it a link, else it is a note (its text then required).

const id = z.string({ error: "errors.notFound" }).min(1, "errors.notFound").max(40, "errors.notFound");
const optionalText = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v ?? "");

const resourceFields = {
  // The session it is about ("": the series as a whole).
  sessionId: z
    .string({ error: "errors.notFound" })
    .max(40, "errors.notFound")
    .optional()
    .transform((v) => v ?? ""),
  title: z
    .string({ error: "boards.errors.title" })
    .trim()
    .min(2, "boards.errors.title")
    .max(200, "boards.errors.title"),
  url: z
    .string({ error: "boards.errors.url" })
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: "boards.errors.url" }).max(500, "boards.errors.url"))
    .optional(),
  note: optionalText(2000, "boards.errors.noteTooLong"),
  file: z.instanceof(File, { error: "boards.errors.fileKind" }).optional(),
};

type ResourceFields = { url?: string; note: string; file?: File };

function kindOf(value: ResourceFields, ctx: z.core.$RefinementCtx<ResourceFields>) {
  if (value.file && value.url)
    ctx.addIssue({ code: "custom", path: ["url"], message: "boards.errors.linkOrFile", input: value.url });
  if (!value.file && !value.url && value.note.length < 2)
    ctx.addIssue({ code: "custom", path: ["note"], message: "boards.errors.empty", input: value.note });
}

// A participant's suggestion (moderated).
export const suggestionSchema = z.object({ intent: z.literal("suggest"), ...resourceFields }).superRefine(kindOf);

// An organiser's post: published at once, pinned if they say so.
export const postSchema = z
  .object({
    intent: z.literal("post"),
    ...resourceFields,
    pinned: z
      .literal("on", { error: "boards.errors.pinned" })
      .optional()
      .transform((v) => v === "on"),
  })
  .superRefine(kindOf);

// A guest's post, through the session's guest link: published at once, under the name they give.
export const guestPostSchema = z
  .object({
    intent: z.literal("post"),
    ...resourceFields,
    authorName: z
      .string({ error: "boards.errors.authorName" })
      .trim()
      .min(2, "boards.errors.authorName")
      .max(80, "boards.errors.authorName"),
  })
  .superRefine(kindOf);

export type ResourceInput = Omit<z.output<typeof suggestionSchema>, "intent">;

export const visibilitySchema = z.object({
  boardVisibility: z.enum(["PUBLIC", "REGISTRANTS"], { error: "boards.errors.visibility" }),
});

// A form that names only the item it is for (approve, reject, pin, remove, a session's link).
export const itemSchema = z.object({ id });
