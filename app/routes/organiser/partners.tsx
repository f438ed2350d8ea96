import { useTranslation } from "~/infra/i18n/react";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/partners";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { partnerSchema, partnerTiers } from "~/partners/partner-form";
import { partnersSetup, preparePartnerLogo, removePartner, savePartner } from "~/partners/partners.server";
import { CompactInput, FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  return {
    event,
    ...(await partnersSetup(db(), event.id)),
    strings: await pageStrings(request, "dashboard", "errors", "event", "partners"),
  };
}

type Result = { target: string; error: string | null; done: string | null };
const failed = (target: string, error: string, status = 400) => data<Result>({ target, error, done: null }, { status });

// Add, edit (with a new logo) or remove a partner.
export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const formData = await readForm(request);
  const id = String(formData.get("id") ?? "") || null;
  const target = id ?? "new";
  if (formData.get("intent") === "remove") {
    return id && (await removePartner(db(), event.id, id))
      ? { target, error: null, done: "partners.removed" }
      : failed(target, "errors.notFound", 404);
  }
  const parsed = partnerSchema.safeParse(
    Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")),
  );
  if (!parsed.success) return failed(target, parsed.error.issues[0]!.message);
  const file = formData.get("logo");
  const logo = file instanceof Blob && file.size > 0 ? await preparePartnerLogo(file) : null;
  if (logo && !logo.ok) return failed(target, logo.error);
  const saved = await savePartner(db(), event.id, id, parsed.data, logo?.ok ? logo.bytes : undefined);
  if (!saved.ok) return failed(target, saved.error, saved.error === "errors.notFound" ? 404 : 400);
  return { target, error: null, done: id ? "partners.saved" : "partners.added" };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("partners.title"));
}

type Setup = Route.ComponentProps["loaderData"];

function PartnerFields({ partner, setup }: { partner?: Setup["partners"][number]; setup: Setup }) {
  const { t } = useTranslation();
  const account = partner ? setup.accounts.find((a) => a.partnerId === partner.id)?.id : undefined;
  const select = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <CompactInput label={t("partners.name")} name="name" defaultValue={partner?.name} required maxLength={120} />
      <label className="block text-sm font-semibold">
        {t("partners.tier")}
        <select name="tier" defaultValue={partner?.tier ?? "SOUTIEN"} className={select}>
          {partnerTiers.map((tier) => (
            <option key={tier} value={tier}>
              {t(`partners.tiers.${tier}`)}
            </option>
          ))}
        </select>
      </label>
      <CompactInput
        label={t("partners.url")}
        name="url"
        type="url"
        defaultValue={partner?.url}
        placeholder="https://"
      />
      <label className="block text-sm font-semibold">
        {t("partners.logo")}
        <input
          type="file"
          name="logo"
          accept="image/png,image/jpeg,image/webp"
          className="mt-1 block text-sm font-normal"
        />
      </label>
      <CompactInput label={t("partners.textFr")} name="textFr" defaultValue={partner?.textFr} maxLength={400} />
      <CompactInput label={t("partners.textEn")} name="textEn" defaultValue={partner?.textEn} maxLength={400} />
      <label className="block text-sm font-semibold">
        {t("partners.voucherTag")}
        <select name="voucherTag" defaultValue={partner?.voucherTag ?? ""} className={select}>
          <option value="">{t("partners.noVoucherTag")}</option>
          {setup.voucherTags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-semibold">
        {t("partners.account")}
        <select name="accountId" defaultValue={account ?? ""} className={select}>
          <option value="">{t("partners.noAccount")}</option>
          {setup.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name ? `${a.name} (${a.email})` : a.email}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function Feedback({ result, target }: { result: Result | undefined; target: string }) {
  const { t } = useTranslation();
  if (result?.target !== target) return null;
  return result.error ? <FormErrors errors={[result.error]} /> : result.done ? <Notice>{t(result.done)}</Notice> : null;
}

export default function Partners({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, partners } = loaderData;
  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(event)}
        title={t("partners.title")}
        aside={
          <Link to={`/partenaire/${event.slug}`} className="text-sm">
            {t("partners.portalPreview")}
          </Link>
        }
        lead={t("partners.lead")}
      />
      {partners.length === 0 ? <p className="mt-4 text-gray-700">{t("partners.none")}</p> : null}
      <ul className="mt-4 space-y-4">
        {partners.map((partner) => (
          <li key={partner.id} className="card p-4">
            <div className="flex flex-wrap items-center gap-4">
              {partner.logoUpdatedAt ? (
                <img
                  src={`/e/${event.slug}/partenaires/${partner.id}/logo?v=${new Date(partner.logoUpdatedAt).getTime()}`}
                  alt=""
                  className="h-12 max-w-40 object-contain"
                />
              ) : null}
              <h2 className="text-lg font-bold">{partner.name}</h2>
              <span className="rounded-full bg-stone-100 px-2 py-0.5 text-sm">
                {t(`partners.tiers.${partner.tier}`)}
              </span>
              {partner.voucherTag ? (
                <span className="text-sm text-gray-700">{t("partners.codesOf", { tag: partner.voucherTag })}</span>
              ) : null}
            </div>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-semibold">{t("partners.edit")}</summary>
              <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
                <input type="hidden" name="id" value={partner.id} />
                <PartnerFields partner={partner} setup={loaderData} />
                <div className="flex gap-2">
                  <SubmitButton>{t("common.save")}</SubmitButton>
                  <SubmitButton variant="danger" name="intent" value="remove">
                    {t("partners.remove")}
                  </SubmitButton>
                </div>
              </Form>
            </details>
            <Feedback result={actionData} target={partner.id} />
          </li>
        ))}
      </ul>
      <section className="mt-8 card p-4">
        <h2 className="text-xl font-bold">{t("partners.add")}</h2>
        <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
          <PartnerFields setup={loaderData} />
          <Feedback result={actionData} target="new" />
          <SubmitButton>{t("partners.add")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
