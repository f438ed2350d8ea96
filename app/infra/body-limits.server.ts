import { matchPath } from "react-router";

// The most a request body may weigh, per route of app/routes.ts (docs/decisions/016). A form is
// small; the uploads get their file's own limit plus room for the form around it. The edge
// answers 413 to a Content-Length above it without reading; readForm() counts a body sent
// without one (chunked) as it arrives and stops at it.
export const FORM_BODY_BYTES = 1024 * 1024;
const ENVELOPE = 64 * 1024;

// The largest file of each upload: a photo (a speaker's, a wall's), a partner's logo, a contacts
// file, a story's slides. The profile and the partners check their file against it too.
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
// A story's slides (a PDF).
export const MAX_SLIDES_BYTES = 20 * 1024 * 1024;
// A file on a series' board of resources (a PDF; a picture keeps the photos' limit).
export const MAX_RESOURCE_BYTES = 10 * 1024 * 1024;

type Upload = { bytes: number; message: string };
const resourceUpload: Upload = { bytes: MAX_RESOURCE_BYTES + ENVELOPE, message: "boards.errors.fileTooBig" };

export const uploadLimits: Record<string, Upload> = {
  "/e/:eventSlug/mur": { bytes: MAX_PHOTO_BYTES + ENVELOPE, message: "errors.photoTooBig" },
  "/espace/profil": { bytes: MAX_PHOTO_BYTES + ENVELOPE, message: "errors.photoTooBig" },
  "/organisateur/evenements/:eventSlug/partenaires": {
    bytes: MAX_LOGO_BYTES + ENVELOPE,
    message: "partners.errors.logoTooBig",
  },
  "/organisateur/evenements/:eventSlug/replays": {
    bytes: MAX_SLIDES_BYTES + ENVELOPE,
    message: "library.errors.slidesTooBig",
  },
  "/organisateur/series/:seriesSlug/ressources": resourceUpload,
  "/presence/:token/ressources": resourceUpload,
  "/ressources/invite/:token": resourceUpload,
  "/organisateur/organisations/:orgSlug/contacts": {
    bytes: MAX_IMPORT_BYTES + ENVELOPE,
    message: "contacts.import.tooBig",
  },
};

// The limit of the route a path belongs to, and the sentence that says what to do past it. A
// form sent by the page's script goes to the route's data URL (/e/x/mur.data, /_root.data).
export function bodyLimitFor(pathname: string): Upload {
  const route = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
  for (const [pattern, upload] of Object.entries(uploadLimits)) {
    if (matchPath(pattern, route)) return upload;
  }
  return { bytes: FORM_BODY_BYTES, message: "errorPage.tooLarge.body" };
}
