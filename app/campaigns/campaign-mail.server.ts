import { z } from "zod";

// A campaign mail as queued: already personalised, with the recipient's own links.
export const campaignMailData = z.object({
  subject: z.string().min(1),
  paragraphs: z.array(z.string()),
  eventTitle: z.string(),
  when: z.string(),
  place: z.string(),
  url: z.url(),
  unsubscribeUrl: z.url(),
  oneClickUrl: z.url(),
});

// RFC 8058: mail programs show an "unsubscribe" button that POSTs to this address, no page visit.
export function campaignMailExtras(data: z.output<typeof campaignMailData>) {
  return {
    headers: { "List-Unsubscribe": `<${data.oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
