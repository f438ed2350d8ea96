import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { FormErrors, SubmitButton, TextField } from "~/ui/form";
import { chapterSchema } from "./chapter-form";

type Chapter = {
  id: string;
  name: string;
  regions: string[];
  _count: { memberships: number; events: number; series: number; contacts: number };
};

// One chapter's name and regions, as a new chapter or an existing one's edit form.
function ChapterForm({ chapter, lastResult }: { chapter?: Chapter; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: chapter ? `chapter-${chapter.id}` : "chapter-new",
    lastResult,
    constraint: getZodConstraint(chapterSchema),
    defaultValue: chapter ? { name: chapter.name, regions: chapter.regions.join(", ") } : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: chapterSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value={chapter ? "edit-chapter" : "add-chapter"} />
      {chapter ? <input type="hidden" name="id" value={chapter.id} /> : null}
      <FormErrors errors={form.errors} />
      <TextField meta={fields.name} label={t("chapters.name")} />
      <TextField meta={fields.regions} label={t("chapters.regions")} hint={t("chapters.regionsHint")} />
      <SubmitButton>{t(chapter ? "chapters.save" : "chapters.add")}</SubmitButton>
    </Form>
  );
}

export function ChaptersList({
  chapters,
  reply,
}: {
  chapters: Chapter[];
  reply?: { intent: unknown; target?: string; result: SubmissionResult<string[]> | undefined };
}) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-10 md:grid-cols-[3fr_2fr]">
      <section>
        <h2 className="text-xl font-bold">{t("chapters.list")}</h2>
        {chapters.length === 0 ? <p className="mt-2 text-gray-700">{t("chapters.empty")}</p> : null}
        <ul className="mt-3 divide-y divide-stone-100 card">
          {chapters.map((c) => (
            <li key={c.id} className="px-4 py-3">
              <p className="font-semibold">{c.name}</p>
              <p className="text-sm text-gray-600">{c.regions.join(" · ") || t("chapters.noRegion")}</p>
              <p className="text-sm text-gray-700">
                {t("chapters.counts", {
                  members: c._count.memberships,
                  events: c._count.events,
                  series: c._count.series,
                  contacts: c._count.contacts,
                })}
              </p>
              <details className="mt-2" open={reply?.intent === "edit-chapter" && reply.target === c.id}>
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">
                  {t("chapters.edit", { name: c.name })}
                </summary>
                <div className="mt-3">
                  <ChapterForm
                    chapter={c}
                    lastResult={reply?.intent === "edit-chapter" && reply.target === c.id ? reply.result : undefined}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2 className="text-xl font-bold">{t("chapters.new")}</h2>
        <p className="mt-1 text-sm text-gray-700">{t("chapters.newLead")}</p>
        <div className="mt-4">
          <ChapterForm lastResult={reply?.intent === "add-chapter" ? reply.result : undefined} />
        </div>
      </section>
    </div>
  );
}
