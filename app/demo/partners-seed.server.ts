import sharp from "sharp";
import type { Db } from "~/infra/db/client.server";
import type { PartnerTier } from "~/generated/prisma/client";

// A plain logo for the demo: two shapes in the partner's colours (real logos come from uploads).
export async function partnerLogo(colour: string, accent: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="200"><rect width="480" height="200" rx="24" fill="${colour}"/><circle cx="110" cy="100" r="60" fill="${accent}"/><rect x="200" y="70" width="220" height="24" rx="12" fill="${accent}"/><rect x="200" y="110" width="160" height="24" rx="12" fill="${accent}" opacity="0.7"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).webp({ quality: 90 }).toBuffer());
}

const partners: {
  name: string;
  tier: PartnerTier;
  url: string;
  textFr: string;
  textEn: string;
  colours: [string, string];
  voucherTag?: string;
}[] = [
  {
    name: "Région Île-de-France",
    tier: "PRINCIPAL",
    url: "https://www.iledefrance.fr",
    textFr: "Accompagne les dirigeants franciliens en difficulté et invite vingt d'entre eux ce soir.",
    textEn: "Supports business owners in difficulty in the Paris region and invites twenty of them tonight.",
    colours: ["#1d4ed8", "#bfdbfe"],
    voucherTag: "Région Île-de-France",
  },
  {
    name: "Banque Coopérative du Rebond",
    tier: "GOLD",
    url: "https://banque.example.org",
    textFr: "Finance les entrepreneurs qui repartent après une liquidation.",
    textEn: "Funds entrepreneurs starting again after a liquidation.",
    colours: ["#065f46", "#a7f3d0"],
  },
  {
    name: "Ordre des experts-comptables (exemple)",
    tier: "SOUTIEN",
    url: "",
    textFr: "",
    textEn: "",
    colours: ["#7c2d12", "#fed7aa"],
  },
  {
    name: "Association Second Souffle",
    tier: "ASSOCIATIF",
    url: "https://second-souffle.example.org",
    textFr: "Écoute et accompagnement gratuits des dirigeants en détresse.",
    textEn: "Free listening and support for business owners in distress.",
    colours: ["#6d28d9", "#ddd6fe"],
  },
  {
    name: "Réseau Entraide Dirigeants",
    tier: "ASSOCIATIF",
    url: "",
    textFr: "Des anciens dirigeants parrainent ceux qui traversent une procédure.",
    textEn: "Former business owners mentor those going through proceedings.",
    colours: ["#be123c", "#fecdd3"],
  },
];

// Failcon Paris's partners by tier, with logos; the Région's account (Isabelle Moreau, the demo
// partner) follows the guests invited with its code in its partner space.
export async function seedPartners(client: Db) {
  const paris = await client.event.findUniqueOrThrow({ where: { slug: "failcon-paris-2027" }, select: { id: true } });
  const isabelle = await client.user.findUniqueOrThrow({
    where: { email: "isabelle.moreau@demo.rebond.example" },
    select: { id: true },
  });
  for (const { colours, ...partner } of partners) {
    const created = await client.partner.create({
      data: { eventId: paris.id, ...partner, logo: await partnerLogo(...colours), logoUpdatedAt: new Date() },
    });
    if (partner.voucherTag)
      await client.eventRole.create({
        data: { eventId: paris.id, userId: isabelle.id, role: "PARTNER", partnerId: created.id },
      });
  }
}
