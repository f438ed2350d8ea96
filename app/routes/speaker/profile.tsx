import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, Form, href, redirect } from "react-router";
import type { Route } from "./+types/profile";
import { requireUser } from "~/auth/session.server";
import { regions, speakerProfileSchema } from "~/cfp/profile-form";
import { preparePhoto, saveSpeakerProfile, speakerProfile } from "~/cfp/profile.server";
import { db } from "~/infra/db/db.server";
import { FormErrors, Notice, SelectField, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return {
    user,
    profile: await speakerProfile(db(), user.id),
    saved: new URL(request.url).searchParams.has("enregistre"),
    strings: await pageStrings(
      request,
      "errors.photoNotImage",
      "errors.photoTooBig",
      "errors.required",
      "errors.tooLong",
      "errors.tooShort",
      "errors.url",
      "profile",
    ),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: speakerProfileSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  const photo = formData.get("photo");
  const prepared = photo instanceof Blob && photo.size > 0 ? await preparePhoto(photo) : null;
  if (prepared && !prepared.ok) return data({ result: submission.reply(), error: prepared.error }, { status: 400 });
  const { name, bio, region, link1, link2, link3 } = submission.value;
  const links = [link1, link2, link3].filter((l): l is string => Boolean(l));
  await saveSpeakerProfile(db(), user.id, {
    name,
    bio,
    region,
    links,
    photo: prepared?.ok ? prepared.bytes : undefined,
  });
  return redirect(`${href("/espace/profil")}?enregistre`);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("profile.title"));
}

export default function SpeakerProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { user, profile, saved } = loaderData;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(speakerProfileSchema),
    defaultValue: {
      name: user.name,
      bio: profile?.bio,
      region: profile?.region || undefined,
      link1: profile?.links[0],
      link2: profile?.links[1],
      link3: profile?.links[2],
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: speakerProfileSchema }),
  });
  return (
    <section className="max-w-2xl">
      <h1 className="text-3xl font-extrabold">{t("profile.title")}</h1>
      <p className="mt-2 text-gray-700">{t("profile.lead")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-6 space-y-5">
        <input type="hidden" name="intent" value="profile" />
        {saved ? <Notice>{t("profile.saved")}</Notice> : null}
        <FormErrors errors={[...(form.errors ?? []), ...(actionData?.error ? [actionData.error] : [])]} />
        <div className="flex items-center gap-4">
          {profile?.photoUpdatedAt ? (
            <img
              src={`${href("/espace/profil/photo")}?v=${new Date(profile.photoUpdatedAt).getTime()}`}
              alt={t("profile.photoAlt")}
              width={96}
              height={96}
              className="h-24 w-24 rounded-full object-cover"
            />
          ) : (
            <div
              className="flex h-24 w-24 items-center justify-center rounded-full bg-stone-200 text-2xl font-bold text-stone-600"
              aria-hidden="true"
            >
              {(user.name || user.email).slice(0, 1).toUpperCase()}
            </div>
          )}
          <label className="text-sm font-semibold">
            {t("profile.photo")}
            <input
              type="file"
              name="photo"
              accept="image/jpeg,image/png,image/webp"
              className="mt-1 block text-sm"
              aria-describedby="photo-hint"
            />
            <span id="photo-hint" className="mt-1 block text-xs font-normal text-gray-600">
              {t("profile.photoHint")}
            </span>
          </label>
        </div>
        <TextField meta={fields.name} label={t("profile.name")} hint={t("profile.nameHint")} autoComplete="name" />
        <TextAreaField meta={fields.bio} label={t("profile.bio")} hint={t("profile.bioHint")} rows={6} max={1500} />
        <SelectField
          meta={fields.region}
          label={t("profile.region")}
          options={[{ value: "", label: "—" }, ...regions.map((r) => ({ value: r, label: r }))]}
        />
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{t("profile.links")}</legend>
          <TextField meta={fields.link1} type="url" label={t("profile.link", { n: 1 })} placeholder="https://" />
          <TextField meta={fields.link2} type="url" label={t("profile.link", { n: 2 })} placeholder="https://" />
          <TextField meta={fields.link3} type="url" label={t("profile.link", { n: 3 })} placeholder="https://" />
        </fieldset>
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>
    </section>
  );
}
