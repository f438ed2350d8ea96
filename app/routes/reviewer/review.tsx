import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { data, href, redirect } from "react-router";
import type { Route } from "./+types/review";
import { notFound, requireReviewer } from "~/auth/roles.server";
import { readableAnswers } from "~/cfp/questions";
import { db } from "~/infra/db/db.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { reviewFormSchema, scoreField } from "~/review/review-form";
import { saveReview, scoreCategories, submissionForReviewer } from "~/review/review.server";
import { MyReviewForm, OtherReviews, StoryToReview } from "~/review/review-sections";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, event, asOrganiser } = await requireReviewer(request, params.eventSlug);
  const found = await submissionForReviewer(db(), {
    eventId: event.id,
    submissionId: params.submissionId,
    userId: user.id,
    asOrganiser,
  });
  if (!found) notFound();
  const categories = await scoreCategories(db(), event.id);
  const locale = await detectLocale(request);
  const { answers, ...rest } = found;
  return {
    strings: await pageStrings(request, "errors", "questions", "review", "submission"),
    eventSlug: event.slug,
    ...rest,
    answers: readableAnswers(answers, locale),
    categories: categories.map((c) => ({ id: c.id, nameFr: c.nameFr, nameEn: c.nameEn, weight: c.weight })),
    saved: new URL(request.url).searchParams.has("enregistre"),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, event, asOrganiser } = await requireReviewer(request, params.eventSlug);
  const categories = await scoreCategories(db(), event.id);
  const submission = parseWithZod(await readForm(request), { schema: reviewFormSchema(categories.map((c) => c.id)) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const value = submission.value as Record<string, unknown> & { comment: string };
  const scores = Object.fromEntries(categories.map((c) => [c.id, Number(value[scoreField(c.id)])]));
  const saved = await saveReview(db(), {
    eventId: event.id,
    submissionId: params.submissionId,
    userId: user.id,
    asOrganiser,
    comment: value.comment,
    scores,
  });
  if (!saved.ok) {
    if (saved.error === "errors.notFound") notFound();
    return data({ result: submission.reply({ formErrors: [saved.error] }) }, { status: 400 });
  }
  return redirect(
    `${href("/relecture/:eventSlug/:submissionId", { eventSlug: event.slug, submissionId: params.submissionId })}?enregistre`,
  );
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, () => data?.story.title);
}

export default function ReviewSubmission({ loaderData, actionData }: Route.ComponentProps) {
  const { story, speakers, anonymised, answers, categories, myReview, others, othersHidden, eventSlug, saved } =
    loaderData;
  const schema = useMemo(() => reviewFormSchema(categories.map((c) => c.id)), [categories]);
  const form = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    defaultValue: {
      comment: myReview?.comment ?? "",
      ...Object.fromEntries(categories.map((c) => [scoreField(c.id), myReview?.scores[c.id]?.toString()])),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <StoryToReview
        eventSlug={eventSlug}
        story={story}
        speakers={speakers}
        anonymised={anonymised}
        answers={answers}
      />
      <aside className="space-y-8">
        <MyReviewForm form={form} categories={categories} saved={saved} />
        <OtherReviews others={others} othersHidden={othersHidden} />
      </aside>
    </div>
  );
}
