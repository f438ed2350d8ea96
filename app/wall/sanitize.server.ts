import sanitizeHtml from "sanitize-html";

// What a post's HTML may keep on the wall: paragraphs, line breaks, emphasis and links over
// http(s). Scripts, event handlers, styles, images and javascript: links are dropped.
const allowList: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "a", "strong", "em", "b", "i", "span"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https"],
  disallowedTagsMode: "discard",
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }) },
};

export function safeHtml(html: string) {
  return sanitizeHtml(html, { ...allowList, allowedAttributes: { a: ["href", "rel", "target"] } });
}

export function plainText(html: string) {
  return sanitizeHtml(html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>\s*<p>/gi, "\n\n"), {
    allowedTags: [],
    allowedAttributes: {},
  }).trim();
}

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// Only http(s) addresses are kept for avatars, images and links.
export function httpUrl(value: unknown) {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
