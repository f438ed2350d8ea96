import { getFormProps, useForm } from "@conform-to/react";
import { HelpEntry } from "~/help/help-entry";
import { loadAsDocument, withoutReact } from "~/ui/without-react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, Link } from "react-router";
import type { Route } from "./+types/series";
import { notFound } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, formatTime, localized } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { registrationSchema } from "~/series/series-form";
import { publicSeries, registerToSeries } from "~/series/series.server";
import { FormErrors, Honeypot, Notice, SubmitButton, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { clientAddressContext } from "~/infra/load-context";
import { Section } from "~/ui/section";

export const headers = publicPageHeaders;
export const handle = withoutReact;
export const clientLoader = loadAsDocument;

export async function loader({ request, params }: Route.LoaderArgs) {
  const series = await publicSeries(db(), params.seriesSlug);
  if (!series) notFound();
  return {
    series,
    strings: await pageStrings(
      request,
      "errors.bot",
      "boards.seeAll",
      "help.entry",
      "errors.email",
      "errors.notFound",
      "errors.number",
      "errors.required",
      "errors.series",
      "errors.slug",
      "errors.slugTaken",
      "errors.timeZone",
      "errors.tooLong",
      "series.errors",
      "series.public",
    ),
  };
}

// One registration for the whole series; the personal link comes by mail.
export async function action({ request, params, context }: Route.ActionArgs) {
  const series = await publicSeries(db(), params.seriesSlug);
  if (!series) notFound();
  const submission = parseWithZod(await readForm(request), { schema: registrationSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  const registered = await registerToSeries(db(), series, submission.value, await detectLocale(request), {
    appUrl: env().APP_URL,
    clientAddress: context.get(clientAddressContext),
  });
  if (!registered.ok)
    return data({ result: submission.reply({ formErrors: [registered.error] }), sent: false }, { status: 429 });
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (_, locale) => data && localized(data.series, "title", locale));
}

export default function SeriesPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { series } = loaderData;
  const [form, fields] = useForm<z.input<typeof registrationSchema>>({ lastResult: actionData?.result });
  const description = localized(series, "description", locale);
  return (
    <article>
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/o/:orgSlug", { orgSlug: series.organisation.slug })}>{series.organisation.name}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{localized(series, "title", locale)}</h1>
      <p className="mt-2 text-gray-700">
        {t("series.public.format", { minutes: series.durationMinutes, zone: series.timeZone })}
      </p>
      {description ? <p className="mt-4 max-w-3xl whitespace-pre-line text-lg">{description}</p> : null}
      {series.boardVisibility === "PUBLIC" ? (
        <p className="mt-3">
          <Link to={href("/serie/:seriesSlug/ressources", { seriesSlug: series.slug })} reloadDocument>
            {t("boards.seeAll")}
          </Link>
        </p>
      ) : null}
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section>
          <h2 className="text-xl font-bold">{t("series.public.next")}</h2>
          {series.sessions.length === 0 ? <p className="mt-2 text-gray-700">{t("series.public.over")}</p> : null}
          <ol className="mt-3 divide-y divide-stone-100 card">
            {series.sessions.map((s) => (
              <li key={s.id} className="px-4 py-3">
                <time dateTime={new Date(s.startsAt).toISOString()} className="font-semibold">
                  {formatDateTime(s.startsAt, series.timeZone, locale, {
                    weekday: "long",
                    day: "numeric",
                    month: "long",
                    hour: "2-digit",
                    minute: "2-digit",
                  })}{" "}
                  – {formatTime(s.endsAt, series.timeZone, locale)}
                </time>
                {localized(s, "theme", locale) || s.themeFr ? (
                  <span className="block">{localized(s, "theme", locale) || s.themeFr}</span>
                ) : null}
                {s.guests ? (
                  <span className="block text-sm text-gray-700">{t("series.public.guests", { guests: s.guests })}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
        <Section title={t("series.public.register")} lead={t("series.public.registerLead")}>
          <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
            <Honeypot />
            <TextField meta={fields.name} label={t("series.public.name")} autoComplete="name" />
            <TextField meta={fields.email} type="email" label={t("series.public.email")} autoComplete="email" />
            <FormErrors errors={form.errors} />
            {actionData?.sent ? <Notice>{t("series.public.sent")}</Notice> : null}
            <SubmitButton>{t("series.public.submit")}</SubmitButton>
          </Form>
        </Section>
      </div>
      <HelpEntry />
    </article>
  );
}
