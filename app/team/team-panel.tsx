import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { Form } from "react-router";
import type { z } from "zod";
import { FormErrors, Notice, RemoveForm, SelectField, SubmitButton, TextField } from "~/ui/form";

type Member = { id: string; role: string; chapter?: { name: string } | null; user: { name: string; email: string } };

// The team of an organisation or of an event: who has which role, an invitation form, removal.
export function TeamPanel({
  members,
  roles,
  schema,
  lastResult,
  outcome,
  canRemove,
  chapters,
}: {
  members: Member[];
  roles: string[];
  schema: z.ZodObject;
  lastResult?: SubmissionResult<string[]>;
  outcome?: string | null;
  canRemove: boolean;
  // The teams an organiser may be invited to: national ("") and chapters, or a chapter
  // organiser's own chapter only.
  chapters?: { value: string; label: string }[];
}) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: { role: roles[0], locale: i18n.language, chapterId: chapters?.[0]?.value },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <div className="grid gap-10 md:grid-cols-[3fr_2fr]">
      <section className="min-w-0">
        <h2 className="text-xl font-bold">{t("team.members")}</h2>
        {members.length === 0 ? <p className="mt-2 text-gray-700">{t("team.empty")}</p> : null}
        <ul className="mt-3 divide-y divide-stone-100 card">
          {members.map((m) => (
            <li key={m.id} className="flex items-center justify-between gap-4 px-4 py-3">
              <div className="min-w-0 break-words">
                <p className="font-semibold">{m.user.name || m.user.email}</p>
                <p className="text-sm text-gray-600">
                  {t(`roles.${m.role}`)}
                  {m.chapter ? ` · ${m.chapter.name}` : ""} · {m.user.email}
                </p>
              </div>
              {canRemove ? <RemoveForm intent="remove" id={m.id} label={t("team.remove")} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="min-w-0">
        <h2 className="text-xl font-bold">{t("team.invite")}</h2>
        <p className="mt-1 text-sm text-gray-700">{t("team.inviteLead")}</p>
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="invite" />
          {outcome ? <Notice>{t(`team.outcome.${outcome}`)}</Notice> : null}
          <FormErrors errors={form.errors} />
          <TextField meta={fields.email!} type="email" label={t("team.email")} />
          <TextField meta={fields.name!} label={t("team.name")} />
          <SelectField
            meta={fields.role!}
            label={t("team.role")}
            options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          {chapters?.length ? (
            <SelectField
              meta={fields.chapterId!}
              label={t("chapters.teamField")}
              hint={t("chapters.teamFieldHint")}
              options={chapters}
            />
          ) : null}
          <SelectField
            meta={fields.locale!}
            label={t("team.locale")}
            options={[
              { value: "fr", label: "Français" },
              { value: "en", label: "English" },
            ]}
          />
          <SubmitButton>{t("team.send")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
