import { useEffect } from "react";
import { useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect, useRevalidator } from "react-router";
import type { Route } from "./+types/contact-import";
import { notFound, requireOrganisationMember } from "~/auth/roles.server";
import { contactFields, importMappingSchema } from "~/campaigns/contact-form";
import { findImport, importProgress, importReport, startImport } from "~/campaigns/contact-import.server";
import { db } from "~/infra/db/db.server";
import { CompactInput, FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

async function loadImport(request: Request, params: Route.LoaderArgs["params"]) {
  const { organisation } = await requireOrganisationMember(request, params.orgSlug);
  const found = await findImport(db(), organisation.id, params.importId);
  if (!found) notFound();
  return { organisation, found };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation, found } = await loadImport(request, params);
  return {
    strings: await pageStrings(request, "contacts", "dashboard"),
    organisation,
    upload: {
      filename: found.filename,
      encoding: found.encoding,
      delimiter: found.delimiter,
      rowCount: found.rowCount,
      importedAt: found.importedAt,
      header: found.header,
      samples: found.samples,
      guess: found.guess,
    },
    state: found.importedAt ? ("done" as const) : found.startedAt ? ("running" as const) : ("ready" as const),
    progress: importProgress(found.id),
    failure: found.failure,
  };
}

// "check" shows what would happen; "confirm" does it, all or nothing.
export async function action({ request, params }: Route.ActionArgs) {
  const { organisation, found } = await loadImport(request, params);
  const formData = await readForm(request);
  const parsed = importMappingSchema.safeParse({
    columns: formData.getAll("columns"),
    extraTags: formData.get("extraTags") ?? "",
    consentSource: formData.get("consentSource"),
  });
  if (!parsed.success) return data({ report: null, error: parsed.error.issues[0]!.message }, { status: 400 });
  const report = await importReport(db(), organisation.id, found.rows, parsed.data);
  const summary = {
    problems: report.problems,
    badCount: report.badCount,
    duplicateCount: report.duplicateCount,
    newCount: report.newCount,
    updateCount: report.updateCount,
  };
  if (formData.get("intent") !== "confirm") return { report: summary, error: null };
  if (report.valid.length === 0)
    return data({ report: summary, error: "contacts.import.nothingValid" }, { status: 400 });
  const { started } = await startImport(db(), organisation.id, found.id, report);
  if (!started) return data({ report: summary, error: "contacts.import.alreadyDone" }, { status: 400 });
  return redirect(new URL(request.url).pathname);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("contacts.import.mappingTitle"));
}

export default function ContactImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisation, upload, state, progress, failure } = loaderData;
  const report = actionData?.report;
  const revalidator = useRevalidator();
  // While the rows are written, the progress is read again every second.
  useEffect(() => {
    if (state !== "running") return;
    const timer = setInterval(() => revalidator.state === "idle" && void revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [state, revalidator]);
  const delimiterName =
    upload.delimiter === ";"
      ? t("contacts.import.semicolon")
      : upload.delimiter === "\t"
        ? t("contacts.import.tab")
        : t("contacts.import.comma");
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> ·{" "}
        <Link to={`/organisateur/organisations/${organisation.slug}/contacts`}>{t("contacts.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("contacts.import.mappingTitle")}</h1>
      <p className="mt-2 text-gray-700">
        {t("contacts.import.fileRead", {
          filename: upload.filename,
          count: upload.rowCount,
          encoding: upload.encoding === "utf-8" ? "UTF-8" : "Windows-1252 (Excel)",
          delimiter: delimiterName,
        })}
      </p>
      {state === "done" ? (
        <div className="mt-4">
          <Notice>
            {t("contacts.import.finished")}{" "}
            <Link to={`/organisateur/organisations/${organisation.slug}/contacts`}>
              {t("contacts.import.seeContacts")}
            </Link>
          </Notice>
        </div>
      ) : null}
      {state === "running" ? (
        <div className="mt-4 max-w-xl" role="status">
          <p className="text-sm font-semibold">
            {progress
              ? t("contacts.import.progress", { done: progress.done, total: progress.total })
              : t("contacts.import.running")}
          </p>
          <progress
            className="mt-2 w-full"
            max={progress?.total ?? 1}
            value={progress?.done ?? undefined}
            aria-label={t("contacts.import.running")}
          />
          <noscript>
            <p className="text-sm">{t("contacts.import.reload")}</p>
          </noscript>
        </div>
      ) : null}
      {failure ? (
        <div className="mt-4">
          <FormErrors errors={[failure]} />
        </div>
      ) : null}
      {state === "ready" ? (
        <Form method="post" className="mt-6 space-y-6">
          {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
          <div className="overflow-x-auto card">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-50">
                <tr>
                  <th className="px-3 py-2">{t("contacts.import.column")}</th>
                  <th className="px-3 py-2">{t("contacts.import.examples")}</th>
                  <th className="px-3 py-2">{t("contacts.import.field")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {upload.header.map((name, index) => (
                  <tr key={index}>
                    <th scope="row" className="px-3 py-2 font-semibold">
                      {name || t("contacts.import.unnamed", { n: index + 1 })}
                    </th>
                    <td className="px-3 py-2 text-gray-700">
                      {upload.samples
                        .map((row) => row[index] ?? "")
                        .filter(Boolean)
                        .join(" · ")}
                    </td>
                    <td className="px-3 py-2">
                      <label className="sr-only" htmlFor={`column-${index}`}>
                        {t("contacts.import.fieldFor", { column: name || index + 1 })}
                      </label>
                      <select
                        id={`column-${index}`}
                        name="columns"
                        defaultValue={upload.guess[index] ?? ""}
                        className="rounded-md border border-stone-300 bg-white px-2 py-1.5"
                      >
                        <option value="">{t("contacts.import.ignore")}</option>
                        {contactFields.map((field) => (
                          <option key={field} value={field}>
                            {t(`contacts.fields.${field}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
            <CompactInput label={t("contacts.import.extraTags")} name="extraTags" defaultValue="" />
            <CompactInput
              label={t("contacts.fields.consentSource")}
              name="consentSource"
              required
              defaultValue={t("contacts.import.defaultSource", { filename: upload.filename })}
            />
          </div>
          {report ? (
            <section aria-labelledby="report-title" className="card p-4">
              <h2 id="report-title" className="text-xl font-bold">
                {t("contacts.import.report")}
              </h2>
              <ul className="mt-2 list-disc pl-6 text-sm">
                <li>{t("contacts.import.newCount", { count: report.newCount })}</li>
                <li>{t("contacts.import.updateCount", { count: report.updateCount })}</li>
                <li>{t("contacts.import.badCount", { count: report.badCount })}</li>
                <li>{t("contacts.import.duplicateCount", { count: report.duplicateCount })}</li>
              </ul>
              {report.problems.length ? (
                <table className="mt-3 w-full text-left text-sm">
                  <thead>
                    <tr>
                      <th className="py-1">{t("contacts.import.line")}</th>
                      <th className="py-1">{t("contacts.import.value")}</th>
                      <th className="py-1">{t("contacts.import.problem")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.problems.map((problem) => (
                      <tr key={problem.line}>
                        <td className="py-1">{problem.line}</td>
                        <td className="py-1">{problem.value}</td>
                        <td className="py-1">
                          {t(`contacts.import.problems.${problem.reason}`, { line: problem.firstLine })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </section>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <SubmitButton name="intent" value="check" variant={report ? "secondary" : "primary"}>
              {t("contacts.import.check")}
            </SubmitButton>
            {report ? (
              <SubmitButton name="intent" value="confirm">
                {t("contacts.import.confirm", { count: report.newCount + report.updateCount })}
              </SubmitButton>
            ) : null}
          </div>
        </Form>
      ) : null}
    </>
  );
}
