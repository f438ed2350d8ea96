import { Form } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { CompactInput, FormErrors, SubmitButton } from "~/ui/form";
import { contactFields, type ContactField } from "./contact-form";
import type { ImportReport, importProgress } from "./contact-import.server";
import { Cell, DataRow, DataTable } from "~/ui/data-table";

// The sections of a contact import's page (app/routes/organiser/contact-import.tsx).

type Upload = { filename: string; header: string[]; samples: string[][]; guess: (ContactField | "")[] };
type Report = Omit<ImportReport, "valid">;

// How far the rows being written are.
export function ImportRunning({ progress }: { progress: ReturnType<typeof importProgress> }) {
  const { t } = useTranslation();
  return (
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
  );
}

// Which field each column fills, the tags and consent source to add, then checking and importing.
export function MappingForm({
  upload,
  report,
  error,
}: {
  upload: Upload;
  report: Report | null | undefined;
  error: string | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="mt-6 space-y-6">
      {error ? <FormErrors errors={[error]} /> : null}
      <MappingTable upload={upload} />
      <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
        <CompactInput label={t("contacts.import.extraTags")} name="extraTags" defaultValue="" />
        <CompactInput
          label={t("contacts.fields.consentSource")}
          name="consentSource"
          required
          defaultValue={t("contacts.import.defaultSource", { filename: upload.filename })}
        />
      </div>
      {report ? <ImportReportSection report={report} /> : null}
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
  );
}

function MappingTable({ upload }: { upload: Upload }) {
  const { t } = useTranslation();
  return (
    <DataTable
      className=""
      columns={[t("contacts.import.column"), t("contacts.import.examples"), t("contacts.import.field")]}
    >
      {upload.header.map((name, index) => (
        <DataRow key={index}>
          <Cell header className="font-semibold">
            {name || t("contacts.import.unnamed", { n: index + 1 })}
          </Cell>
          <Cell className="text-gray-700">
            {upload.samples
              .map((row) => row[index] ?? "")
              .filter(Boolean)
              .join(" · ")}
          </Cell>
          <Cell>
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
          </Cell>
        </DataRow>
      ))}
    </DataTable>
  );
}

// What the check found: the counts, and each line that will not be imported and why.
function ImportReportSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-title" className="card p-4">
      <h2 id="report-title" className="text-xl font-bold">
        {t("contacts.import.report")}
      </h2>
      <ul className="mt-2 list-disc pl-6 text-sm">
        <li>{t("contacts.import.newCount", { count: report.newCount })}</li>
        <li>{t("contacts.import.updateCount", { count: report.updateCount })}</li>
        {report.otherTeamCount ? (
          <li>{t("contacts.import.otherTeamCount", { count: report.otherTeamCount })}</li>
        ) : null}
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
                <td className="py-1">{t(`contacts.import.problems.${problem.reason}`, { line: problem.firstLine })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
