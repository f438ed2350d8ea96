import type { Route } from "./+types/voucher-codes-csv";
import { requireOrganiser } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { translator } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { csvText } from "~/infra/csv";
import { listVouchers } from "~/ticketing/vouchers.server";

// The event's codes as a spreadsheet, to hand a partner its batch.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { event } = await requireOrganiser(request, params.eventSlug);
  const t = translator(await detectLocale(request));
  const vouchers = await listVouchers(db(), event.id);
  const rows = [[t("ticketing.voucherCode"), t("ticketing.tag"), t("ticketing.voucherKindLabel"), t("ticketing.voucherMaxUses"), t("ticketing.voucherUse", { used: "", max: "" }).trim()], ...vouchers.map((v) => [v.code, v.tag, v.kind, v.maxUses, v.used])];
  return new Response(`\uFEFF${csvText(rows)}`, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="codes-${event.slug}.csv"`, "Cache-Control": "no-store" },
  });
}
