import type { FieldMetadata } from "@conform-to/react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { CheckboxField, SelectField, TextAreaField, TextField } from "~/ui/form";
import { localized } from "~/infra/i18n/i18n";
import { STORY_LIMITS } from "./submission-form";

type Option = { id: string; nameFr: string; nameEn: string; minutes?: number };
type Fields = Record<
  | "formatId"
  | "trackId"
  | "speakerName"
  | "title"
  | "company"
  | "sector"
  | "companyYears"
  | "whatHappened"
  | "turningPoint"
  | "lessons"
  | "nowDoing"
  | "language"
  | "consentRecording"
  | "consentPublish",
  FieldMetadata<unknown>
>;

// The story form, shaped like the talk it will become: the company, what happened, the
// turning point, the lessons, and where the speaker is now.
export function SubmissionFormFields({
  fields,
  formats,
  tracks,
}: {
  fields: Fields;
  formats: Option[];
  tracks: Option[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-bold">{t("submission.talk")}</legend>
        <div className="sm:col-span-2">
          <TextField
            meta={fields.speakerName}
            label={t("submission.speakerName")}
            hint={t("submission.speakerNameHint")}
            autoComplete="name"
          />
        </div>
        <div className="sm:col-span-2">
          <TextField meta={fields.title} label={t("submission.title")} hint={t("submission.titleHint")} />
        </div>
        <SelectField
          meta={fields.formatId}
          label={t("submission.format")}
          options={formats.map((f) => ({
            value: f.id,
            label: `${localized(f, "name", locale)} — ${t("submission.minutes", { count: f.minutes })}`,
          }))}
        />
        {tracks.length ? (
          <SelectField
            meta={fields.trackId}
            label={t("submission.track")}
            options={[
              { value: "", label: t("submission.noTrack") },
              ...tracks.map((tr) => ({ value: tr.id, label: localized(tr, "name", locale) })),
            ]}
          />
        ) : null}
        <SelectField
          meta={fields.language}
          label={t("submission.language")}
          options={[
            { value: "fr", label: "Français" },
            { value: "en", label: "English" },
          ]}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-lg font-bold">{t("submission.companyTitle")}</legend>
        <TextField meta={fields.company} label={t("submission.company")} />
        <TextField meta={fields.sector} label={t("submission.sector")} />
        <TextField meta={fields.companyYears} label={t("submission.companyYears")} placeholder="2016–2021" />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-bold">{t("submission.storyTitle")}</legend>
        <TextAreaField
          meta={fields.whatHappened}
          label={t("submission.whatHappened")}
          hint={t("submission.whatHappenedHint")}
          rows={8}
          max={STORY_LIMITS.whatHappened}
        />
        <TextAreaField
          meta={fields.turningPoint}
          label={t("submission.turningPoint")}
          hint={t("submission.turningPointHint")}
          max={STORY_LIMITS.turningPoint}
        />
        <TextAreaField
          meta={fields.lessons}
          label={t("submission.lessons")}
          hint={t("submission.lessonsHint")}
          rows={6}
          max={STORY_LIMITS.lessons}
        />
        <TextAreaField meta={fields.nowDoing} label={t("submission.nowDoing")} rows={3} max={STORY_LIMITS.nowDoing} />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-bold">{t("submission.consents")}</legend>
        <CheckboxField meta={fields.consentRecording} label={t("submission.consentRecording")} />
        <CheckboxField
          meta={fields.consentPublish}
          label={t("submission.consentPublish")}
          hint={t("submission.consentPublishHint")}
        />
      </fieldset>
    </>
  );
}
