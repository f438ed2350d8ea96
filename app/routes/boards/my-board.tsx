import { getFormProps, useForm } from "@conform-to/react";
import { Form, href } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/my-board";
import { notFound } from "~/auth/roles.server";
import { itemSchema, suggestionSchema } from "~/boards/board-form";
import { BoardView, ResourceFields, ResourceItem, SessionLabel, SessionSelect } from "~/boards/board-sections";
import { isRegistration, registrantBoard, suggestResource, withdrawSuggestion } from "~/boards/boards.server";
import { db } from "~/infra/db/db.server";
import { intentsFor, runIntent, type IntentReply } from "~/infra/form-intents.server";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { FormErrors, intentSucceeded, Notice, RemoveForm, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";
import { Section } from "~/ui/section";

// The board through a registered person's personal link: every resource, whoever may see the
// board, and their own suggestions — made here, waiting for the organisers, taken back at will.
export async function loader({ request, params }: Route.LoaderArgs) {
  const board = await registrantBoard(db(), params.token);
  if (!board) notFound();
  return {
    ...board,
    token: params.token,
    strings: await pageStrings(request, "boards", "errors", "series.public"),
  };
}

const { conform, plain } = intentsFor<{ token: string }>();
const handlers = {
  suggest: conform("suggest", suggestionSchema, (value, { token }) => suggestResource(db(), token, value)),
  withdraw: plain("withdraw", itemSchema, (value, { token }) => withdrawSuggestion(db(), token, value.id)),
};

export async function action({ request, params }: Route.ActionArgs) {
  if (!(await isRegistration(db(), params.token))) notFound();
  return runIntent(handlers, { request, token: params.token });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [
    ...pageTitle(
      matches,
      (t, locale) => data && t("boards.titleOf", { series: localized(data.series, "title", locale) }),
    ),
    { name: "robots", content: "noindex" },
  ];
}

export default function MyBoard({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { series, board, mine, sessions, token } = loaderData;
  const reply = actionData as IntentReply | undefined;
  const [form, fields] = useForm<z.input<typeof suggestionSchema>>({
    lastResult: reply?.intent === "suggest" ? reply.result : undefined,
    defaultValue: { sessionId: sessions[0]?.id ?? "" },
  });
  const suggested = intentSucceeded(reply, "suggest");
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: href("/presence/:token", { token }), label: localized(series, "title", locale) }]}
        title={t("boards.titleOf", { series: localized(series, "title", locale) })}
        lead={t("boards.lead")}
        aside={<a href="#proposer">{t("boards.suggest.title")}</a>}
      />
      <div className="mt-2 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div>
          <BoardView board={board} timeZone={series.timeZone} token={token} />
        </div>
        <div className="space-y-6">
          <div id="proposer" className="scroll-mt-4" />
          <Section title={t("boards.suggest.title")} lead={t("boards.suggest.lead")} className="mt-6">
            <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-3 space-y-3">
              <input type="hidden" name="intent" value="suggest" />
              <ResourceFields
                fields={fields}
                session={<SessionSelect meta={fields.sessionId} sessions={sessions} timeZone={series.timeZone} />}
              />
              <FormErrors errors={form.errors} />
              {suggested ? <Notice>{t("boards.suggest.sent")}</Notice> : null}
              <SubmitButton>{t("boards.suggest.submit")}</SubmitButton>
            </Form>
          </Section>
          {mine.length ? (
            <Section title={t("boards.mine.title")} lead={t("boards.mine.lead")}>
              {reply?.intent === "withdraw" && reply.error ? <FormErrors errors={[reply.error]} /> : null}
              <ul className="mt-2 divide-y divide-stone-100">
                {mine.map((r) => (
                  <ResourceItem
                    key={r.id}
                    resource={r}
                    token={token}
                    actions={
                      <>
                        <span className="text-sm text-gray-700">
                          {t(`boards.status.${r.status}`)}
                          {r.session ? (
                            <>
                              {" · "}
                              <SessionLabel session={r.session} timeZone={series.timeZone} />
                            </>
                          ) : null}
                        </span>
                        <RemoveForm intent="withdraw" id={r.id} label={t("boards.mine.withdraw")} />
                      </>
                    }
                  />
                ))}
              </ul>
            </Section>
          ) : null}
        </div>
      </div>
    </>
  );
}
