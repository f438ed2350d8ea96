import { useEffect } from "react";
import { useTranslation } from "~/infra/i18n/react";
import { data, href, Link, redirect, useRevalidator } from "react-router";
import type { Route } from "./+types/contact-import";
import { notFound, requireOrganisationMember } from "~/auth/roles.server";
import { importMappingSchema } from "~/contacts/contact-form";
import { ImportRunning, MappingForm } from "~/contacts/contact-import-sections";
import { findImport, importProgress, importReport, startImport } from "~/contacts/contact-import.server";
import { db } from "~/infra/db/db.server";
import { FormErrors, Notice } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";

async function loadImport(request: Request, params: Route.LoaderArgs["params"]) {
  const { organisation } = await requireOrganisationMember(request, params.orgSlug);
  const found = await findImport(db(), organisation, params.importId);
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
  const report = await importReport(db(), found, found.rows, parsed.data);
  const summary = {
    problems: report.problems,
    badCount: report.badCount,
    duplicateCount: report.duplicateCount,
    newCount: report.newCount,
    updateCount: report.updateCount,
    otherTeamCount: report.otherTeamCount,
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
      <PageHeader
        breadcrumbs={[
          { to: href("/organisateur"), label: t("dashboard.title") },
          {
            to: href("/organisateur/organisations/:orgSlug/contacts", { orgSlug: organisation.slug }),
            label: t("contacts.title"),
          },
        ]}
        title={t("contacts.import.mappingTitle")}
      />
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
            <Link to={href("/organisateur/organisations/:orgSlug/contacts", { orgSlug: organisation.slug })}>
              {t("contacts.import.seeContacts")}
            </Link>
          </Notice>
        </div>
      ) : null}
      {state === "running" ? <ImportRunning progress={progress} /> : null}
      {failure ? (
        <div className="mt-4">
          <FormErrors errors={[failure]} />
        </div>
      ) : null}
      {state === "ready" ? <MappingForm upload={upload} report={report} error={actionData?.error} /> : null}
    </>
  );
}
