import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data } from "react-router";
import type { Route } from "./+types/review-setup";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import {
  assignmentSchema,
  categoryEditSchema,
  categorySchema,
  identifyingSchema,
  removeReviewSettingSchema,
} from "~/review/review-form";
import { listMoveSchema, moveInOrder } from "~/events/ordering.server";
import {
  addCategory,
  assignReviewer,
  removeCategory,
  reviewSetup,
  setIdentifyingFields,
  unassignReviewer,
  updateCategory,
} from "~/review/settings.server";
import { FormErrors } from "~/ui/form";
import { CategoriesSection, ReviewersSection } from "~/review/review-setup-sections";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

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

type IntentArgs = { eventId: string; formData: FormData; intent: string };

const fail = (intent: string, error: string) => data({ intent, result: undefined, error }, { status: 400 });

async function removeSetting({ eventId, formData, intent }: IntentArgs) {
  const parsed = removeReviewSettingSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fail(intent, "errors.notFound");
  const done =
    intent === "remove-category"
      ? await removeCategory(db(), eventId, parsed.data.id)
      : await unassignReviewer(db(), eventId, parsed.data.id);
  return done ? { intent, result: undefined, error: null } : fail(intent, "errors.notFound");
}

async function identifying({ eventId, formData, intent }: IntentArgs) {
  const parsed = identifyingSchema.safeParse({ intent, fields: formData.getAll("fields") });
  if (!parsed.success) return fail(intent, "errors.badIntent");
  return (await setIdentifyingFields(db(), eventId, parsed.data.fields))
    ? { intent, result: undefined, error: null }
    : fail(intent, "errors.callMissing");
}

async function assign({ eventId, formData, intent }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: assignmentSchema });
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), error: null }, { status: 400 });
  if (!(await assignReviewer(db(), eventId, submission.value.userId, submission.value.scope)))
    return fail(intent, "errors.notFound");
  return { intent, result: submission.reply({ resetForm: true }), error: null };
}

async function addCategoryIntent({ eventId, formData, intent }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: categorySchema });
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), error: null }, { status: 400 });
  await addCategory(db(), eventId, submission.value);
  return { intent, result: submission.reply({ resetForm: true }), error: null };
}

async function editCategory({ eventId, formData, intent }: IntentArgs) {
  const parsed = categoryEditSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fail(intent, parsed.error.issues[0]!.message);
  return (await updateCategory(db(), eventId, parsed.data))
    ? { intent, result: undefined, error: null }
    : fail(intent, "errors.notFound");
}

async function moveCategory({ eventId, formData, intent }: IntentArgs) {
  const parsed = listMoveSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fail(intent, parsed.error.issues[0]!.message);
  const moved = await moveInOrder(db(), "scoreCategory", eventId, parsed.data.id, parsed.data.direction);
  return moved.ok ? { intent, result: undefined, error: null } : fail(intent, moved.error);
}

// Any other intent adds a category, as the category form is the page's default.
const intents = {
  "edit-category": editCategory,
  "move-category": moveCategory,
  "remove-category": removeSetting,
  unassign: removeSetting,
  identifying,
  assign,
  "add-category": addCategoryIntent,
};

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const formData = await readForm(request);
  const intent = String(formData.get("intent"));
  const handler = Object.hasOwn(intents, intent) ? intents[intent as keyof typeof intents] : addCategoryIntent;
  return handler({ eventId: event.id, formData, intent });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("reviewSetup.title"));
}

export default function ReviewSetup({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, categories, reviewers, tracks, submissions, call } = loaderData;
  return (
    <>
      <PageHeader breadcrumbs={useEventCrumbs(event)} title={t("reviewSetup.title")} />
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        <CategoriesSection
          categories={categories}
          call={call}
          lastResult={actionData?.intent === "add-category" ? actionData.result : undefined}
        />
        <ReviewersSection
          reviewers={reviewers}
          tracks={tracks}
          submissions={submissions}
          eventSlug={event.slug}
          lastResult={actionData?.intent === "assign" ? actionData.result : undefined}
        />
      </div>
    </>
  );
}
