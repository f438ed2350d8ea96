import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, Link } from "react-router";
import type { Route } from "./+types/my-space";
import { requireUser } from "~/auth/session.server";
import { profileSchema } from "~/auth/sign-in-form";
import { updateProfile } from "~/auth/profile.server";
import { rolesOf } from "~/team/team.server";
import { seriesOf } from "~/series/series.server";
import { volunteerAssociations } from "~/help/space.server";
import { PilierProgressBar } from "~/series/pilier-progress";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { Notice, SelectField, SubmitButton, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

// The strings include what app/series/series.server.ts may answer, though this page only reads it.
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return {
    user,
    roles: await rolesOf(db(), user.id),
    associations: await volunteerAssociations(db(), user.id),
    series: await seriesOf(db(), user.email),
    strings: await pageStrings(
      request,
      "checkIn.title",
      "errors.bot",
      "errors.email",
      "errors.lastOwner",
      "errors.notFound",
      "errors.required",
      "errors.tooLong",
      "errors.tooShort",
      "event.online",
      "helpSpace.errors",
      "helpSpace.mySpace",
      "helpSpace.newCount",
      "mySpace",
      "organisationNew.link",
      "partnerships.link",
      "portal.title",
      "roles",
      "series.me",
      "errors.series",
      "errors.slugTaken",
      "series.errors",
    ),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: profileSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  await updateProfile(db(), user.id, submission.value);
  return { result: submission.reply(), saved: true };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("nav.mySpace"));
}

export default function MySpace({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user, roles, series } = loaderData;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(profileSchema),
    defaultValue: { name: user.name, locale: user.locale },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  return (
    <div className="grid gap-10 md:grid-cols-[2fr_1fr]">
      <section>
        <h1 className="text-3xl font-extrabold">{t("mySpace.title", { name: user.name || user.email })}</h1>
        <p className="mt-2">
          <Link to={href("/espace/billets")} className="font-semibold">
            {t("mySpace.ticketsLink")}
          </Link>
          {roles.eventRoles.some((r) => r.role === "PARTNER") ? (
            <>
              {" · "}
              <Link to={href("/partenaire")} className="font-semibold">
                {t("partnerships.link")}
              </Link>
            </>
          ) : null}
        </p>
        <h2 className="mt-8 text-xl font-bold">{t("mySpace.roles")}</h2>
        {roles.memberships.length + roles.eventRoles.length + loaderData.associations.length === 0 ? (
          <p className="mt-2 text-gray-700">{t("mySpace.noRoles")}</p>
        ) : null}
        <p className="mt-2 text-sm">
          <Link to={href("/organisateur/organisations/nouvelle")}>{t("organisationNew.link")}</Link>
        </p>
        <ul className="mt-3 space-y-2">
          {loaderData.associations.map((a) => (
            <li key={a.slug} className="rounded-md border border-stone-200 bg-white p-3">
              <Link to={href("/association/:associationSlug", { associationSlug: a.slug })} className="font-semibold">
                {t("helpSpace.mySpace", { association: a.name })}
              </Link>{" "}
              {a._count.requests ? (
                <span className="text-sm text-gray-700">· {t("helpSpace.newCount", { count: a._count.requests })}</span>
              ) : null}
            </li>
          ))}
          {roles.memberships.map((m) => (
            <li key={m.organisation.slug} className="rounded-md border border-stone-200 bg-white p-3">
              <strong>{t(`roles.${m.role}`)}</strong> — {m.organisation.name} ·{" "}
              <Link to={href("/organisateur")}>{t("nav.backOffice")}</Link>
            </li>
          ))}
          {roles.eventRoles.map((r) => (
            <li key={`${r.event.slug}-${r.role}`} className="rounded-md border border-stone-200 bg-white p-3">
              <strong>{t(`roles.${r.role}`)}</strong> —{" "}
              <Link to={href("/e/:eventSlug", { eventSlug: r.event.slug })}>{localized(r.event, "title", locale)}</Link>
              <span className="block text-sm text-gray-600">
                {formatDateTime(r.event.startsAt, r.event.timeZone, locale)}
              </span>
              {r.role === "REVIEWER" ? (
                <Link to={href("/relecture/:eventSlug", { eventSlug: r.event.slug })} className="text-sm font-semibold">
                  {t("mySpace.reviewLink")}
                </Link>
              ) : null}
              {r.role === "CHECK_IN" ? (
                <Link to={href("/controle/:eventSlug", { eventSlug: r.event.slug })} className="text-sm font-semibold">
                  {t("checkIn.title")}
                </Link>
              ) : null}
              {r.role === "PARTNER" ? (
                <Link
                  to={href("/partenaire/:eventSlug", { eventSlug: r.event.slug })}
                  className="text-sm font-semibold"
                >
                  {t("portal.title")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
        {series.length ? (
          <>
            <h2 className="mt-8 text-xl font-bold">{t("mySpace.series")}</h2>
            <ul className="mt-3 space-y-2">
              {series.map((s) => (
                <li key={s.token} className="rounded-md border border-stone-200 bg-white p-3">
                  <Link to={href("/presence/:token", { token: s.token })} className="font-semibold">
                    {localized(s.series, "title", locale)}
                  </Link>
                  <span className="block text-sm text-gray-700">
                    {t("series.me.attended", { count: s.attended })}
                    {s.pilierWeeks ? ` · ${t("mySpace.pilierWeeks", { count: s.pilierWeeks })}` : ""}
                  </span>
                  <div className="mt-2">
                    <PilierProgressBar progress={s.thisWeek} timeZone={s.series.timeZone} />
                  </div>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <aside className="space-y-8">
        <section>
          <h2 className="text-xl font-bold">{t("mySpace.profile")}</h2>
          <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
            <input type="hidden" name="intent" value="profile" />
            {actionData?.saved ? <Notice>{t("mySpace.saved")}</Notice> : null}
            <p className="text-sm text-gray-700">{user.email}</p>
            <TextField meta={fields.name} label={t("mySpace.name")} autoComplete="name" />
            <SelectField
              meta={fields.locale}
              label={t("mySpace.locale")}
              options={[
                { value: "fr", label: "Français" },
                { value: "en", label: "English" },
              ]}
            />
            <SubmitButton>{t("common.save")}</SubmitButton>
          </Form>
        </section>
        <section>
          <h2 className="text-xl font-bold">{t("mySpace.sessions")}</h2>
          <p className="mt-1 text-sm text-gray-700">{t("mySpace.sessionsHelp")}</p>
          <Form method="post" action={href("/deconnexion")} className="mt-3">
            <input type="hidden" name="scope" value="everywhere" />
            <SubmitButton variant="danger">{t("mySpace.signOutEverywhere")}</SubmitButton>
          </Form>
        </section>
      </aside>
    </div>
  );
}
