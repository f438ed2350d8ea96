import { Form, href, Link } from "react-router";
import { formatDateTime } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { CompactCheckbox, SubmitButton } from "~/ui/form";
import { failureKinds } from "./library-form";

// On the speaker's story page: whether the story stays in the rebound library once told, and the
// button that gives or withdraws that consent (the story leaves the library at once).
export function LibraryConsentCard({
  submission,
}: {
  submission: { id: string; state: string; libraryConsentAt: Date | string | null; failureKinds: string[] };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const given = submission.libraryConsentAt !== null;
  return (
    <section aria-labelledby="library-consent" className="card p-5">
      <h2 id="library-consent" className="font-bold">
        {t("library.consent.title")}
      </h2>
      <p className="mt-2 text-sm text-gray-700">{t("library.consent.lead")}</p>
      {given ? (
        <p className="mt-2 text-sm font-semibold">
          {t("library.consent.given", {
            date: formatDateTime(submission.libraryConsentAt!, "Europe/Paris", locale, { dateStyle: "long" }),
          })}{" "}
          {submission.state === "CONFIRMED" ? (
            <Link
              to={href("/bibliotheque/:submissionId", { submissionId: submission.id })}
              className="underline"
              reloadDocument
            >
              {t("library.consent.see")}
            </Link>
          ) : null}
        </p>
      ) : null}
      <Form method="post" className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="library" />
        <input type="hidden" name="consent" value={given ? "withdraw" : "give"} />
        {given ? null : (
          <fieldset className="text-sm">
            <legend className="font-semibold">{t("library.consent.kinds")}</legend>
            <div className="mt-1 space-y-1">
              {failureKinds.map((kind) => (
                <CompactCheckbox
                  key={kind}
                  name="kinds"
                  value={kind}
                  label={t(`library.kinds.${kind}`)}
                  defaultChecked={submission.failureKinds.includes(kind)}
                />
              ))}
            </div>
          </fieldset>
        )}
        <SubmitButton variant={given ? "danger" : "secondary"}>
          {t(given ? "library.consent.withdraw" : "library.consent.give")}
        </SubmitButton>
      </Form>
    </section>
  );
}
