import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { localized } from "~/infra/i18n/i18n";
import { CompactBilingualInputs, CompactInput, SelectField, SubmitButton, TextField } from "~/ui/form";
import { EditableItem } from "~/ui/editable-item";
import { assignmentSchema, categorySchema, identifiableFields } from "./review-form";
import type { reviewSetup } from "./settings.server";

// The sections of an event's review setup page (app/routes/organiser/review-setup.tsx);
// lastResult is the action's answer when it was for that section's form.

type Setup = Awaited<ReturnType<typeof reviewSetup>>;
type LastResult = SubmissionResult<string[]> | undefined;

// The scoring categories with their weights, and which fields anonymised review hides.
export function CategoriesSection({
  categories,
  call,
  lastResult,
}: {
  categories: Setup["categories"];
  call: Setup["call"];
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section>
      <h2 className="text-xl font-bold">{t("reviewSetup.categories")}</h2>
      <p className="mt-1 text-sm text-gray-700">{t("reviewSetup.categoriesHelp")}</p>
      <ul className="mt-3 divide-y divide-stone-100 card">
        {categories.map((c, i) => (
          <EditableItem
            key={c.id}
            id={c.id}
            name={localized(c, "name", locale)}
            line={
              <span>
                <strong>{localized(c, "name", locale)}</strong> — {t("review.weight", { weight: c.weight })}
              </span>
            }
            index={i}
            count={categories.length}
            intents={{ move: "move-category", remove: "remove-category", edit: "edit-category" }}
            editLabel={t("reviewSetup.editCategory", { category: localized(c, "name", locale) })}
            saveLabel={t("reviewSetup.saveCategory")}
            columns={3}
            note={<p className="text-xs text-gray-600">{t("reviewSetup.weightKept")}</p>}
          >
            <CompactBilingualInputs
              field="name"
              labels={[t("callSettings.nameFr"), t("callSettings.nameEn")]}
              values={c}
              minLength={2}
              maxLength={80}
            />
            <CompactInput
              label={t("reviewSetup.weight")}
              name="weight"
              type="number"
              min={1}
              max={10}
              defaultValue={c.weight}
              required
            />
          </EditableItem>
        ))}
      </ul>
      <CategoryForm lastResult={lastResult} />
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
  );
}

function CategoryForm({ lastResult }: { lastResult: LastResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "category",
    lastResult,
    constraint: getZodConstraint(categorySchema),
    defaultValue: { weight: "1" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categorySchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-3 sm:grid-cols-3">
      <input type="hidden" name="intent" value="add-category" />
      <TextField meta={fields.nameFr} label={t("callSettings.nameFr")} placeholder="Authenticité du récit" />
      <TextField meta={fields.nameEn} label={t("callSettings.nameEn")} placeholder="Authenticity" />
      <TextField meta={fields.weight} type="number" label={t("reviewSetup.weight")} />
      <div>
        <SubmitButton variant="secondary">{t("reviewSetup.addCategory")}</SubmitButton>
      </div>
    </Form>
  );
}

// The reviewers, what each reviews, and the form giving one more to review.
export function ReviewersSection({
  reviewers,
  tracks,
  submissions,
  eventSlug,
  lastResult,
}: {
  reviewers: Setup["reviewers"];
  tracks: Setup["tracks"];
  submissions: Setup["submissions"];
  eventSlug: string;
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
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
    <section>
      <h2 className="text-xl font-bold">{t("reviewSetup.reviewers")}</h2>
      {reviewers.length === 0 ? (
        <p className="mt-2 text-sm text-gray-700">
          {t("reviewSetup.noReviewers")}{" "}
          <Link to={href("/organisateur/evenements/:eventSlug/equipe", { eventSlug })}>{t("eventForm.team")}</Link>
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
      {reviewers.length ? <AssignForm reviewers={reviewers} scopes={scopes} lastResult={lastResult} /> : null}
    </section>
  );
}

function AssignForm({
  reviewers,
  scopes,
  lastResult,
}: {
  reviewers: Setup["reviewers"];
  scopes: { value: string; label: string }[];
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "assign",
    lastResult,
    constraint: getZodConstraint(assignmentSchema),
    defaultValue: { userId: reviewers[0]?.id, scope: "all" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignmentSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
      <input type="hidden" name="intent" value="assign" />
      <SelectField
        meta={fields.userId}
        label={t("reviewSetup.reviewer")}
        options={reviewers.map((r) => ({ value: r.id, label: r.name || r.email }))}
      />
      <SelectField meta={fields.scope} label={t("reviewSetup.scope")} options={scopes} />
      <SubmitButton variant="secondary">{t("reviewSetup.assign")}</SubmitButton>
    </Form>
  );
}
