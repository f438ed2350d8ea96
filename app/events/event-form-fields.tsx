import { useInputControl, type FieldMetadata } from "@conform-to/react";
import { useState } from "react";
import { useTranslation } from "~/infra/i18n/react";
import { SelectField, TextAreaField, TextField } from "~/ui/form";
import { timeZones } from "./event-form";
import { slugFromTitle } from "~/infra/slug";

type Fields = Record<
  | "organisationId"
  | "chapterId"
  | "slug"
  | "titleFr"
  | "titleEn"
  | "descriptionFr"
  | "descriptionEn"
  | "timeZone"
  | "startsAt"
  | "endsAt"
  | "venueName"
  | "venueAddress"
  | "region"
  | "onlineUrl"
  | "capacity"
  | "hashtag",
  FieldMetadata<unknown>
>;

// The fields of the event form, shared by "create" and "edit". On "create" (suggestSlug), the
// address follows the French title as it is typed, until it is typed by hand.
export function EventFormFields({
  fields,
  organisations,
  chapters = [],
  suggestSlug = false,
}: {
  fields: Fields;
  organisations: { id: string; name: string }[];
  // On "create", where the organisations have chapters: which team will run it.
  chapters?: { value: string; label: string }[];
  suggestSlug?: boolean;
}) {
  const { t } = useTranslation();
  const slug = useInputControl(fields.slug as FieldMetadata<string>);
  const [slugTyped, setSlugTyped] = useState(false);
  return (
    <>
      {organisations.length > 1 ? (
        <SelectField
          meta={fields.organisationId}
          label={t("eventForm.organisation")}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : (
        <input type="hidden" name={fields.organisationId.name} value={organisations[0]?.id ?? ""} />
      )}
      {chapters.length ? (
        <SelectField
          meta={fields.chapterId}
          label={t("chapters.eventField")}
          hint={t("chapters.eventFieldHint")}
          options={chapters}
        />
      ) : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-bold">{t("eventForm.identity")}</legend>
        <TextField
          meta={fields.titleFr}
          label={t("eventForm.titleFr")}
          onInput={(event) => {
            if (suggestSlug && !slugTyped) slug.change(slugFromTitle(event.currentTarget.value));
          }}
        />
        <TextField meta={fields.titleEn} label={t("eventForm.titleEn")} hint={t("eventForm.titleEnHint")} />
        <TextField
          meta={fields.slug}
          label={t("eventForm.slug")}
          hint={t(suggestSlug ? "eventForm.slugHintNew" : "eventForm.slugHint")}
          onInput={() => setSlugTyped(true)}
        />
        <TextField meta={fields.hashtag} label={t("eventForm.hashtag")} placeholder="#failconfr" />
        <TextAreaField meta={fields.descriptionFr} label={t("eventForm.descriptionFr")} />
        <TextAreaField meta={fields.descriptionEn} label={t("eventForm.descriptionEn")} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-lg font-bold">{t("eventForm.when")}</legend>
        <TextField meta={fields.startsAt} type="datetime-local" label={t("eventForm.startsAt")} />
        <TextField meta={fields.endsAt} type="datetime-local" label={t("eventForm.endsAt")} />
        <SelectField
          meta={fields.timeZone}
          label={t("eventForm.timeZone")}
          options={timeZones.map((z) => ({ value: z, label: z }))}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-bold">{t("eventForm.where")}</legend>
        <TextField meta={fields.venueName} label={t("eventForm.venueName")} />
        <TextField meta={fields.venueAddress} label={t("eventForm.venueAddress")} />
        <TextField
          meta={fields.region}
          label={t("eventForm.region")}
          hint={t("eventForm.regionHint")}
          placeholder="Île-de-France"
        />
        <TextField
          meta={fields.onlineUrl}
          type="url"
          label={t("eventForm.onlineUrl")}
          hint={t("eventForm.onlineUrlHint")}
          placeholder="https://"
        />
        <TextField meta={fields.capacity} type="number" label={t("eventForm.capacity")} />
      </fieldset>
    </>
  );
}
