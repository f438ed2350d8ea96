// A replay's address on a video platform, and the player the library page embeds for it: YouTube
// (through its no-cookie domain), Vimeo and PeerTube (any instance: its /w/… or /videos/watch/…
// pages). Another address is shown as a link. The embed's origin goes into the page's
// Content-Security-Policy frame-src (docs/decisions/047-rebound-library.md).
export type ReplayEmbed = { platform: "youtube" | "vimeo" | "peertube"; src: string; origin: string };

const YOUTUBE_ID = /^[\w-]{11}$/;

export function replayEmbed(address: string): ReplayEmbed | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== "https:") return null;
  const host = url.hostname.replace(/^www\./, "");
  const parts = url.pathname.split("/").filter(Boolean);
  if (host === "youtube.com" || host === "m.youtube.com" || host === "youtu.be") {
    const id = host === "youtu.be" ? parts[0] : parts[0] === "watch" ? url.searchParams.get("v") : parts[1];
    if (
      !id ||
      !YOUTUBE_ID.test(id) ||
      (host !== "youtu.be" && !["watch", "embed", "live", "shorts"].includes(parts[0]!))
    )
      return null;
    return {
      platform: "youtube",
      src: `https://www.youtube-nocookie.com/embed/${id}`,
      origin: "https://www.youtube-nocookie.com",
    };
  }
  if (host === "vimeo.com" && /^\d+$/.test(parts[0] ?? ""))
    return { platform: "vimeo", src: `https://player.vimeo.com/video/${parts[0]}`, origin: "https://player.vimeo.com" };
  // PeerTube: /w/<short id> or /videos/watch/<uuid>, embedded at /videos/embed/<id>.
  const peertube =
    parts[0] === "w" && parts.length === 2 ? parts[1] : parts[0] === "videos" && parts[1] === "watch" ? parts[2] : null;
  if (peertube && /^[\w-]{8,40}$/.test(peertube))
    return { platform: "peertube", src: `${url.origin}/videos/embed/${peertube}`, origin: url.origin };
  return null;
}
