import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { useEffect, useRef } from "react";
import { Form, href, useFetcher, useParams } from "react-router";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { FilterSelect, FormErrors, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { campaignSchema, segmentFields } from "./campaign-form";
import { knownPlaceholders } from "./placeholders";

type Choices = {
  events: { id: string; titleFr: string; titleEn: string; startsAt: Date; timeZone: string }[];
  campaigns: { id: string; name: string }[];
  tags: string[];
};
type Defaults = {
  name: string;
  subjectFr: string;
  subjectEn: string;
  bodyFr: string;
  bodyEn: string;
  segment: {
    match?: string;
    tags?: string[];
    attendeesOf?: string;
    speakersOf?: string;
    partnerGuestsOf?: string;
    notAnswered?: string;
  };
};

// The invitation form: its text in both languages, then who receives it.
export function CampaignFields({
  choices,
  defaults,
  lastResult,
  submitLabel,
}: {
  choices: Choices;
  defaults: Defaults;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "campaign",
    lastResult,
    constraint: getZodConstraint(campaignSchema),
    defaultValue: { ...defaults, ...defaults.segment },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: campaignSchema }),
  });
  // How many the chosen rules reach, asked again at each change (with JavaScript; without it, the
  // preview beside the form says it once the invitation is saved).
  const { eventSlug } = useParams();
  const audience = useFetcher<{ total: number; excluded: number }>();
  const countAudience = (event: { currentTarget: HTMLFormElement }) => {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget))
      if (segmentFields.includes(key) && typeof value === "string") query.append(key, value);
    audience.load(
      `${href("/organisateur/evenements/:eventSlug/campagnes/audience", { eventSlug: eventSlug! })}?${query}`,
    );
  };
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (formRef.current) countAudience({ currentTarget: formRef.current });
    // Once, for the rules the form opens with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const select = (
    name: "attendeesOf" | "speakersOf" | "partnerGuestsOf" | "notAnswered",
    options: { value: string; label: string }[],
  ) => (
    <FilterSelect
      name={name}
      label={t(`campaigns.segment.${name}`)}
      value={defaults.segment[name]}
      allLabel={t("campaigns.segment.none")}
      options={options}
      fill
    />
  );
  // Named with their date: the sessions of a series share one title.
  const events = choices.events.map((e) => ({
    value: e.id,
    label: `${localized(e, "title", locale)} — ${formatDateTime(e.startsAt, e.timeZone, locale, { day: "numeric", month: "short", year: "numeric" })}`,
  }));
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4" onChange={countAudience} ref={formRef}>
      <input type="hidden" name="intent" value="save" />
      <FormErrors errors={form.errors} />
      <TextField meta={fields.name} label={t("campaigns.fields.name")} />
      <p className="text-sm text-gray-700">{t("campaigns.placeholders", { list: knownPlaceholders })}</p>
      <TextField meta={fields.subjectFr} label={t("campaigns.fields.subjectFr")} />
      <TextField meta={fields.subjectEn} label={t("campaigns.fields.subjectEn")} />
      <div className="grid gap-4 lg:grid-cols-2">
        <TextAreaField meta={fields.bodyFr} label={t("campaigns.fields.bodyFr")} rows={8} />
        <TextAreaField meta={fields.bodyEn} label={t("campaigns.fields.bodyEn")} rows={8} />
      </div>
      <fieldset className="space-y-3 rounded-lg border border-stone-200 p-4">
        <legend className="px-1 font-bold">{t("campaigns.segment.title")}</legend>
        {choices.tags.length ? (
          <fieldset>
            <legend className="text-sm font-semibold">{t("campaigns.segment.tags")}</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {choices.tags.map((tag) => (
                <label key={tag} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    name="tags"
                    value={tag}
                    defaultChecked={defaults.segment.tags?.includes(tag)}
                  />{" "}
                  {tag}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {select("attendeesOf", [{ value: "past", label: t("campaigns.segment.anyPast") }, ...events])}
          {select("speakersOf", events)}
          {select("partnerGuestsOf", events)}
          {select(
            "notAnswered",
            choices.campaigns.map((c) => ({ value: c.id, label: c.name })),
          )}
        </div>
        <fieldset>
          <legend className="text-sm font-semibold">{t("campaigns.segment.match")}</legend>
          <label className="mr-4 text-sm">
            <input type="radio" name="match" value="any" defaultChecked={defaults.segment.match !== "all"} />{" "}
            {t("campaigns.segment.any")}
          </label>
          <label className="text-sm">
            <input type="radio" name="match" value="all" defaultChecked={defaults.segment.match === "all"} />{" "}
            {t("campaigns.segment.all")}
          </label>
        </fieldset>
        <p className="text-xs text-gray-600">{t("campaigns.segment.excluded")}</p>
        <p aria-live="polite" className="text-sm font-semibold">
          {audience.data
            ? t("campaigns.segment.reach", { count: audience.data.total, excluded: audience.data.excluded })
            : null}
        </p>
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
