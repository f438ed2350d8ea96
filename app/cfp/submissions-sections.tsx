import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { FilterSelect, FormErrors, Notice, SelectField, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { invitedTalkSchema } from "./decision-form";
import { SubmissionStateBadge } from "./state-badge";
import { submissionStates, type SubmissionState } from "./states";
import type { eventSubmissions } from "./submissions.server";
import type { networkTalks } from "./story-copies.server";
import { Cell, DataRow, DataTable } from "~/ui/data-table";

// The sections of an event's submissions page (app/routes/organiser/submissions.tsx).

type Named = { id: string; nameFr: string; nameEn: string };

// Which states the list shows.
export function SubmissionsFilter({ state }: { state: SubmissionState | null }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="mt-4 flex items-end gap-3">
      <FilterSelect
        name="etat"
        label={t("organiserSubmissions.filter")}
        value={state}
        allLabel={t("organiserSubmissions.allButDrafts")}
        options={submissionStates.map((s) => ({ value: s, label: t(`submissionState.${s}`) }))}
      />
      <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">
        {t("organiserSubmissions.apply")}
      </button>
    </Form>
  );
}

// The submissions, their speakers, format, track, when they came and their state.
export function SubmissionsTable({
  submissions,
  timeZone,
  elsewhere = [],
}: {
  submissions: Awaited<ReturnType<typeof eventSubmissions>>["rows"];
  timeZone: string;
  // The speakers' stories at the network's other events (networkTalks).
  elsewhere?: Awaited<ReturnType<typeof networkTalks>>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = (o: { nameFr: string; nameEn: string } | null) => (o ? localized(o, "name", locale) : "—");
  return (
    <DataTable
      columns={[
        t("submission.title"),
        t("organiserSubmissions.speakers"),
        t("submission.format"),
        t("submission.track"),
        t("organiserSubmissions.submittedAt"),
        t("speaker.state"),
      ]}
    >
      {submissions.map((s) => (
        <DataRow key={s.id}>
          <Cell className="font-semibold">
            {s.title}
            {s.invited ? (
              <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-normal text-brand-700">
                {t("invited.badge")}
              </span>
            ) : null}
          </Cell>
          <Cell>
            {s.speakers.map((sp) => (
              <div key={sp.userId}>
                {sp.user.name || sp.user.email}
                {elsewhere
                  .filter((talk) => talk.userId === sp.userId)
                  .map((talk) => (
                    <p key={talk.submission.id} className="text-xs text-gray-600">
                      {t("storyCopies.elsewhere", {
                        event: localized(talk.submission.event, "title", locale),
                        state: t(`submissionState.${talk.submission.state}`),
                      })}
                    </p>
                  ))}
              </div>
            ))}
          </Cell>
          <Cell>{name(s.format)}</Cell>
          <Cell>{name(s.track)}</Cell>
          <Cell>
            {s.submittedAt
              ? formatDateTime(s.submittedAt, timeZone, locale, { dateStyle: "medium", timeStyle: "short" })
              : "—"}
          </Cell>
          <Cell>
            <SubmissionStateBadge state={s.state} />
          </Cell>
        </DataRow>
      ))}
    </DataTable>
  );
}

// Adding an invited talk (keynote, panel) directly, once the call has a format.
export function InvitedTalkSection({
  formats,
  tracks,
  added,
  eventSlug,
  lastResult,
}: {
  formats: Named[];
  tracks: Named[];
  added: boolean;
  eventSlug: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(invitedTalkSchema),
    defaultValue: { formatId: formats[0]?.id },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitedTalkSchema }),
  });
  return (
    <section className="mt-10 max-w-3xl">
      <h2 className="text-xl font-bold">{t("invited.title")}</h2>
      <p className="mt-1 text-sm text-gray-700">{t("invited.lead")}</p>
      {added ? (
        <div className="mt-3">
          <Notice>{t("invited.added")}</Notice>
        </div>
      ) : null}
      {formats.length === 0 ? (
        <p className="mt-3 text-sm">
          <Link to={href("/organisateur/evenements/:eventSlug/appel", { eventSlug })}>{t("invited.needFormat")}</Link>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="invited" />
          <FormErrors errors={form.errors} />
          <TextField meta={fields.title} label={t("submission.title")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              meta={fields.formatId}
              label={t("submission.format")}
              options={formats.map((f) => ({ value: f.id, label: localized(f, "name", locale) }))}
            />
            <SelectField
              meta={fields.trackId}
              label={t("submission.track")}
              options={[
                { value: "", label: t("submission.noTrack") },
                ...tracks.map((tr) => ({ value: tr.id, label: localized(tr, "name", locale) })),
              ]}
            />
          </div>
          <TextAreaField meta={fields.description} label={t("invited.description")} rows={3} />
          <TextAreaField
            meta={fields.speakers}
            label={t("invited.speakers")}
            hint={t("invited.speakersHint")}
            rows={3}
          />
          <SubmitButton variant="secondary">{t("invited.add")}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
