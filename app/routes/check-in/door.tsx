import { useCallback, useEffect, useRef } from "react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, useFetcher, useRevalidator } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/door";
import { requireCheckInStaff } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { localized } from "~/infra/i18n/i18n";
import { CameraScanner } from "~/ticketing/camera-scanner";
import { GuestSearch, Verdict } from "~/ticketing/door-sections";
import { checkIn, collectAndCheckIn, doorCounters, findTickets, type CheckInResult } from "~/ticketing/check-in.server";
import { linkContext } from "~/infra/links.server";
import { checkInSchema } from "~/ticketing/ticketing-form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

// A ticket picked in a list, or one whose amount was just collected at the door.
const byIdSchema = z.object({ intent: z.enum(["check-in-ticket", "collect"]), ticketId: z.string().min(1) });

export async function loader({ request, params }: Route.LoaderArgs) {
  const { event } = await requireCheckInStaff(request, params.eventSlug);
  const search = new URL(request.url).searchParams.get("nom") ?? "";
  const [counters, found] = await Promise.all([doorCounters(db(), event.id), findTickets(db(), event.id, search)]);
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    counters,
    search,
    found,
    strings: await pageStrings(request, "checkIn", "errors", "event"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, event } = await requireCheckInStaff(request, params.eventSlug);
  const formData = Object.fromEntries(await readForm(request));
  const byId = byIdSchema.safeParse(formData);
  const bySecret = checkInSchema.safeParse(formData);
  if (!byId.success && !bySecret.success)
    return data({ result: { kind: "unknown" } as CheckInResult, typed: "" }, { status: 400 });
  // The code field takes what the camera read or what a volunteer typed: a QR secret, a door code,
  // an order's code (app/ticketing/codes.ts).
  const input = byId.success ? { ticketId: byId.data.ticketId } : { typed: bySecret.data!.secret };
  const staff = { eventId: event.id, staffId: user.id };
  const result =
    byId.data?.intent === "collect"
      ? await collectAndCheckIn(db(), { ...staff, ticketId: byId.data.ticketId, ...linkContext() })
      : await checkIn(db(), { ...staff, ...input });
  // A refused code is given back, so that the page without JavaScript keeps it in its field.
  const kept =
    "typed" in input && result.kind !== "valid" && result.kind !== "already" && result.kind !== "to-collect"
      ? input.typed
      : "";
  return { result, typed: kept };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("checkIn.title"));
}

export default function Door({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, counters, search, found } = loaderData;
  const door = useFetcher<typeof action>();
  const { submit } = door;
  const scanned = useCallback(
    (secret: string) => void submit({ intent: "check-in", secret }, { method: "post" }),
    [submit],
  );
  // Other doors let people in too: the counters refresh every ten seconds.
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === "idle") void revalidator.revalidate();
    }, 10_000);
    return () => clearInterval(timer);
  }, [revalidator]);
  // As each guest is let in (or was already), the code field is emptied and focused again, ready for
  // the next one (not once the counters have reloaded after it: a code typed meanwhile would be
  // lost). After a refusal the typed code stays, selected, to be corrected or typed over.
  const codeField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!door.data || !codeField.current) return;
    if (door.data.result.kind === "valid" || door.data.result.kind === "already") codeField.current.value = "";
    else codeField.current.select();
    codeField.current.focus();
  }, [door.data]);
  return (
    <article className="mx-auto max-w-md space-y-5">
      <header>
        <p className="text-sm font-semibold text-brand-600">{localized(event, "title", locale)}</p>
        <h1 className="text-3xl font-extrabold">{t("checkIn.title")}</h1>
        <p className="mt-1 text-lg" aria-live="polite">
          {t("checkIn.counters", {
            count: counters.inside,
            expected: t("checkIn.tickets", { count: counters.expected }),
          })}
        </p>
      </header>
      {/* With JavaScript the fetcher answers in place; without, the page comes back with the answer. */}
      {(door.data ?? actionData) ? (
        <Verdict result={(door.data ?? actionData)!.result} timeZone={event.timeZone} door={door} />
      ) : null}
      <CameraScanner onCode={scanned} />
      <door.Form method="post" className="space-y-2">
        <input type="hidden" name="intent" value="check-in" />
        <label className="block text-sm font-semibold">
          {t("checkIn.code")}
          <input
            ref={codeField}
            name="secret"
            defaultValue={actionData?.typed ?? ""}
            aria-describedby="code-hint"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            required
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-3 text-lg"
          />
        </label>
        <p id="code-hint" className="text-sm text-gray-700">
          {t("checkIn.codeHint")}
        </p>
        <button type="submit" className="w-full rounded-md bg-brand-600 px-4 py-3 text-lg font-bold text-white">
          {t("checkIn.submit")}
        </button>
      </door.Form>
      <GuestSearch search={search} found={found} timeZone={event.timeZone} door={door} />
    </article>
  );
}
