import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/guest-board";
import { notFound } from "~/auth/roles.server";
import { guestPostSchema, itemSchema } from "~/boards/board-form";
import { ResourceFields, ResourceItem, SessionLabel } from "~/boards/board-sections";
import { guestBoard, guestPost, isGuestLink, removeGuestPost } from "~/boards/boards.server";
import { db } from "~/infra/db/db.server";
import { intentsFor, runIntent, type IntentReply } from "~/infra/form-intents.server";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { FormErrors, intentSucceeded, Notice, RemoveForm, SubmitButton, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";
import { Section } from "~/ui/section";

// A session's guest link, sent by the organisers to the day's guests: what they share is on the
// board at once (no account needed); what they posted they may take back.
export async function loader({ request, params }: Route.LoaderArgs) {
  const board = await guestBoard(db(), params.token);
  if (!board) notFound();
  return { ...board, token: params.token, strings: await pageStrings(request, "boards", "errors", "series.public") };
}

const { conform, plain } = intentsFor<{ token: string }>();
const handlers = {
  post: conform("post", guestPostSchema, (value, { token }) => guestPost(db(), token, value)),
  remove: plain("remove", itemSchema, (value, { token }) => removeGuestPost(db(), token, value.id)),
};

export async function action({ request, params }: Route.ActionArgs) {
  if (!(await isGuestLink(db(), params.token))) notFound();
  return runIntent(handlers, { request, token: params.token });
}

export function meta({ matches }: Route.MetaArgs) {
  return [...pageTitle(matches, (t) => t("boards.guest.title")), { name: "robots", content: "noindex" }];
}

export default function GuestBoard({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { series, session, resources, token } = loaderData;
  const reply = actionData as IntentReply | undefined;
  const [form, fields] = useForm<z.input<typeof guestPostSchema>>({
    lastResult: reply?.intent === "post" ? reply.result : undefined,
  });
  return (
    <>
      <PageHeader
        title={t("boards.guest.title")}
        lead={t("boards.guest.lead", { series: localized(series, "title", locale) })}
      />
      <p className="mt-2 font-semibold">
        <SessionLabel session={session} timeZone={series.timeZone} />
      </p>
      <div className="mt-2 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="guest-resources" className="mt-6">
          <h2 id="guest-resources" className="text-xl font-bold">
            {t("boards.guest.shared", { count: resources.length })}
          </h2>
          {reply?.intent === "remove" && reply.error ? <FormErrors errors={[reply.error]} /> : null}
          {resources.length ? null : <p className="mt-2 text-gray-700">{t("boards.guest.none")}</p>}
          <ul className="mt-2 divide-y divide-stone-100 card empty:hidden">
            {resources.map((r) => (
              <ResourceItem
                key={r.id}
                resource={r}
                token={token}
                actions={
                  r.by.kind === "guest" ? (
                    <RemoveForm intent="remove" id={r.id} label={t("boards.guest.remove")} />
                  ) : undefined
                }
              />
            ))}
          </ul>
        </section>
        <Section title={t("boards.guest.post")} lead={t("boards.guest.postLead")} className="mt-6">
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-3 space-y-3">
            <input type="hidden" name="intent" value="post" />
            <TextField meta={fields.authorName} label={t("boards.guest.name")} autoComplete="name" />
            <ResourceFields fields={fields} />
            <FormErrors errors={form.errors} />
            {intentSucceeded(reply, "post") ? <Notice>{t("boards.guest.posted")}</Notice> : null}
            <SubmitButton>{t("boards.guest.submit")}</SubmitButton>
          </Form>
        </Section>
      </div>
    </>
  );
}
