import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/review-setup";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import {
  assignmentSchema,
  categorySchema,
  identifiableFields,
  identifyingSchema,
  removeReviewSettingSchema,
} from "~/review/review-form";
import {
  addCategory,
  assignReviewer,
  removeCategory,
  reviewSetup,
  setIdentifyingFields,
  unassignReviewer,
} from "~/review/settings.server";
import { FormErrors, RemoveForm, SelectField, SubmitButton, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn },
    ...(await reviewSetup(db(), event.id)),
    strings: await pageStrings(
      request,
      "callSettings",
      "dashboard",
      "errors",
      "event",
      "eventForm",
      "ranking",
      "review",
      "reviewSetup",
      "submission",
      "team",
    ),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const formData = await readForm(request);
  const intent = String(formData.get("intent"));
  const fail = (error: string) => data({ intent, result: undefined, error }, { status: 400 });
  if (intent === "remove-category" || intent === "unassign") {
    const parsed = removeReviewSettingSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return fail("errors.notFound");
    const done =
      intent === "remove-category"
        ? await removeCategory(db(), event.id, parsed.data.id)
        : await unassignReviewer(db(), event.id, parsed.data.id);
    return done ? { intent, result: undefined, error: null } : fail("errors.notFound");
  }
  if (intent === "identifying") {
    const parsed = identifyingSchema.safeParse({ intent, fields: formData.getAll("fields") });
    if (!parsed.success) return fail("errors.badIntent");
    return (await setIdentifyingFields(db(), event.id, parsed.data.fields))
      ? { intent, result: undefined, error: null }
      : fail("errors.callMissing");
  }
  if (intent === "assign") {
    const submission = parseWithZod(formData, { schema: assignmentSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), error: null }, { status: 400 });
    if (!(await assignReviewer(db(), event.id, submission.value.userId, submission.value.scope)))
      return fail("errors.notFound");
    return { intent, result: submission.reply({ resetForm: true }), error: null };
  }
  const submission = parseWithZod(formData, { schema: categorySchema });
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), error: null }, { status: 400 });
  await addCategory(db(), event.id, submission.value);
  return { intent, result: submission.reply({ resetForm: true }), error: null };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("reviewSetup.title"));
}

export default function ReviewSetup({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, categories, reviewers, tracks, submissions, call } = loaderData;
  const [categoryForm, categoryFields] = useForm({
    id: "category",
    lastResult: actionData?.intent === "add-category" ? actionData.result : undefined,
    constraint: getZodConstraint(categorySchema),
    defaultValue: { weight: "1" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categorySchema }),
  });
  const [assignForm, assignFields] = useForm({
    id: "assign",
    lastResult: actionData?.intent === "assign" ? actionData.result : undefined,
    constraint: getZodConstraint(assignmentSchema),
    defaultValue: { userId: reviewers[0]?.id, scope: "all" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignmentSchema }),
  });
  const scopes = [
    { value: "all", label: t("reviewSetup.scopeAll") },
    ...tracks.map((tr) => ({
      value: `track:${tr.id}`,
      label: t("reviewSetup.scopeTrack", { name: localized(tr, "name", locale) }),
    })),
    ...submissions.map((s) => ({
      value: `submission:${s.id}`,
      label: t("reviewSetup.scopeStory", { title: s.title }),
    })),
  ];
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}`}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}/classement`}>{t("ranking.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("reviewSetup.title")}</h1>
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        <section>
          <h2 className="text-xl font-bold">{t("reviewSetup.categories")}</h2>
          <p className="mt-1 text-sm text-gray-700">{t("reviewSetup.categoriesHelp")}</p>
          <ul className="mt-3 divide-y divide-stone-100 card">
            {categories.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 px-4 py-2">
                <span>
                  <strong>{localized(c, "name", locale)}</strong> — {t("review.weight", { weight: c.weight })}
                </span>
                <RemoveForm intent="remove-category" id={c.id} label={t("team.remove")} />
              </li>
            ))}
          </ul>
          <Form method="post" {...getFormProps(categoryForm)} className="mt-4 grid gap-3 sm:grid-cols-3">
            <input type="hidden" name="intent" value="add-category" />
            <TextField
              meta={categoryFields.nameFr}
              label={t("callSettings.nameFr")}
              placeholder="Authenticité du récit"
            />
            <TextField meta={categoryFields.nameEn} label={t("callSettings.nameEn")} placeholder="Authenticity" />
            <TextField meta={categoryFields.weight} type="number" label={t("reviewSetup.weight")} />
            <div>
              <SubmitButton variant="secondary">{t("reviewSetup.addCategory")}</SubmitButton>
            </div>
          </Form>
          <h2 className="mt-10 text-xl font-bold">{t("reviewSetup.anonymity")}</h2>
          <p className="mt-1 text-sm text-gray-700">
            {call?.anonymisedReview ? t("reviewSetup.anonymityOn") : t("reviewSetup.anonymityOff")}
          </p>
          <Form method="post" className="mt-3 space-y-2">
            <input type="hidden" name="intent" value="identifying" />
            {identifiableFields.map((field) => (
              <label key={field} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="fields"
                  value={field}
                  defaultChecked={call?.identifyingFields.includes(field)}
                  className="h-4 w-4"
                />
                {t(`submission.${field}`)}
              </label>
            ))}
            <SubmitButton variant="secondary">{t("common.save")}</SubmitButton>
          </Form>
        </section>
        <section>
          <h2 className="text-xl font-bold">{t("reviewSetup.reviewers")}</h2>
          {reviewers.length === 0 ? (
            <p className="mt-2 text-sm text-gray-700">
              {t("reviewSetup.noReviewers")}{" "}
              <Link to={`/organisateur/evenements/${event.slug}/equipe`}>{t("eventForm.team")}</Link>
            </p>
          ) : null}
          <ul className="mt-3 space-y-3">
            {reviewers.map((r) => (
              <li key={r.id} className="card p-4">
                <p className="font-semibold">{r.name || r.email}</p>
                {r.reviewAssignments.length === 0 ? (
                  <p className="text-sm text-amber-800">{t("reviewSetup.unassigned")}</p>
                ) : null}
                <ul className="mt-2 space-y-1 text-sm">
                  {r.reviewAssignments.map((a) => (
                    <li key={a.id} className="flex items-center justify-between gap-2">
                      <span>
                        {a.track
                          ? t("reviewSetup.scopeTrack", { name: localized(a.track, "name", locale) })
                          : a.submission
                            ? t("reviewSetup.scopeStory", { title: a.submission.title })
                            : t("reviewSetup.scopeAll")}
                      </span>
                      <Form method="post">
                        <input type="hidden" name="intent" value="unassign" />
                        <input type="hidden" name="id" value={a.id} />
                        <button type="submit" className="text-red-800 underline">
                          {t("team.remove")}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {reviewers.length ? (
            <Form method="post" {...getFormProps(assignForm)} className="mt-4 space-y-3">
              <input type="hidden" name="intent" value="assign" />
              <SelectField
                meta={assignFields.userId}
                label={t("reviewSetup.reviewer")}
                options={reviewers.map((r) => ({ value: r.id, label: r.name || r.email }))}
              />
              <SelectField meta={assignFields.scope} label={t("reviewSetup.scope")} options={scopes} />
              <SubmitButton variant="secondary">{t("reviewSetup.assign")}</SubmitButton>
            </Form>
          ) : null}
        </section>
      </div>
    </>
  );
}
