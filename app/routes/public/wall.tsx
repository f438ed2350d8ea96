import { getFormProps, useForm } from "@conform-to/react";
import { loadAsDocument, withoutReact } from "~/ui/without-react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, Link } from "react-router";
import type { Route } from "./+types/wall";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { preparePhoto } from "~/cfp/profile.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { FormErrors, Honeypot, Notice, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { wallSnapshot } from "~/wall/changes.server";
import { COMPACT_POSTS, CompactWall } from "~/wall/compact-wall";
import { createOnsitePost, onsiteClientKey, wallDevice } from "~/wall/onsite.server";
import { onsitePostSchema } from "~/wall/wall-forms";
import { visibleWall } from "~/wall/public.server";
import { readForm } from "~/infra/request-body.server";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";
import { clientAddressContext } from "~/infra/load-context";

export const headers = publicPageHeaders;
export const handle = withoutReact;
export const clientLoader = loadAsDocument;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const wall = await visibleWall(db(), params.eventSlug, user?.id);
  if (!wall) notFound();
  return {
    event: wall.event,
    snapshot: await wallSnapshot(db(), wall.event.id, COMPACT_POSTS),
    strings: await pageStrings(
      request,
      "errors.bot",
      "errors.hashtag",
      "errors.photoNotImage",
      "errors.photoTooBig",
      "errors.required",
      "errors.tooLong",
      "errors.wall",
      "event.online",
      "wall.card",
      "wall.errors",
      "wall.public",
    ),
  };
}

// A post written in the room: name, 280 characters and an optional photo (checked by its
// content, re-encoded without metadata), three per ten minutes per writer.
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await getUser(request);
  const wall = await visibleWall(db(), params.eventSlug, user?.id);
  if (!wall) notFound();
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: onsitePostSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), error: null, status: null }, { status: 400 });
  const file = formData.get("photo");
  const prepared =
    file instanceof Blob && file.size > 0
      ? await preparePhoto(file, { width: 1200, height: 1200, fit: "inside" })
      : null;
  if (prepared && !prepared.ok)
    return data({ result: submission.reply(), error: prepared.error, status: null }, { status: 400 });
  const device = await wallDevice(request);
  const created = await createOnsitePost(db(), {
    eventId: wall.event.id,
    clientKey: onsiteClientKey(context.get(clientAddressContext), env().SESSION_SECRET),
    deviceKey: device.deviceKey,
    form: submission.value,
    photo: prepared?.ok
      ? {
          bytes: prepared.bytes,
          url: (id) => href("/e/:eventSlug/mur/photo/:externalId", { eventSlug: wall.event.slug, externalId: id }),
        }
      : undefined,
  });
  const cookie = device.setCookie ? { "Set-Cookie": device.setCookie } : undefined;
  if (!created.ok)
    return data({ result: submission.reply(), error: created.error, status: null }, { status: 429, headers: cookie });
  return data(
    { result: submission.reply({ resetForm: true }), error: null, status: created.status },
    { headers: cookie },
  );
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(
    matches,
    (t, locale) => data && `${t("wall.public.title")} · ${localized(data.event, "title", locale)}`,
  );
}

export default function PublicWall({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, snapshot } = loaderData;
  const [form, fields] = useForm<z.input<typeof onsitePostSchema>>({ lastResult: actionData?.result });
  return (
    <>
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("wall.public.title")}</h1>
      <p className="mt-2 max-w-2xl text-gray-700">{t("wall.public.lead")}</p>
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        className="mt-4 max-w-xl space-y-4 card p-4"
      >
        <Honeypot />
        <TextField meta={fields.name} label={t("wall.public.name")} autoComplete="given-name" />
        <TextAreaField meta={fields.text} label={t("wall.public.text")} rows={3} />
        <label className="block text-sm font-semibold">
          {t("wall.public.photo")}
          <input
            type="file"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            className="mt-1 block text-sm font-normal"
          />
        </label>
        <FormErrors errors={actionData?.error ? [actionData.error] : undefined} />
        {actionData?.status ? (
          <Notice>
            {t(
              actionData.status === "APPROVED"
                ? "wall.public.shown"
                : actionData.status === "PENDING"
                  ? "wall.public.pending"
                  : "wall.public.refused",
            )}
          </Notice>
        ) : null}
        <SubmitButton>{t("wall.public.send")}</SubmitButton>
      </Form>
      <section className="mt-8">
        <h2 className="text-xl font-bold">{t("wall.public.latest")}</h2>
        <div className="mt-3">
          <CompactWall slug={event.slug} timeZone={event.timeZone} snapshot={snapshot} />
        </div>
      </section>
    </>
  );
}
