import type { SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { EditableItem } from "~/ui/editable-item";
import { CompactCheckbox, CompactInput, CompactTextArea, FormErrors, Notice, SubmitButton } from "~/ui/form";
import { Section } from "~/ui/section";
import { needs, procedures, sinces } from "./answers";
import { DEPARTMENTS, departmentName } from "./departments";
import { portalLanguages, RULE_CHOICES, stages, withinMonthsChoices, type TrialResult } from "./network-form";
import type { portalSettings } from "./network.server";

// The sections of the network's portal settings (app/routes/organiser/help-portal.tsx).

const select = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm";

type Settings = Awaited<ReturnType<typeof portalSettings>>;
type Association = Settings["associations"][number];
type Rule = Settings["rules"][number];
type Values = Record<string, unknown>;
type Reply = {
  intent: unknown;
  target?: string;
  result: SubmissionResult<string[]> | undefined;
  error?: string | null;
};

const regionSizes = new Map<string, number>();
for (const [, , region] of DEPARTMENTS) regionSizes.set(region, (regionSizes.get(region) ?? 0) + 1);

// An association's coverage in words: the whole country, or the regions it covers whole by name
// and the departments it covers besides by code (as its form's field writes it too).
function coverageText(departments: string[]) {
  const byRegion = new Map<string, string[]>();
  for (const [code, , region] of DEPARTMENTS)
    if (departments.includes(code)) byRegion.set(region, [...(byRegion.get(region) ?? []), code]);
  return [...byRegion.entries()]
    .flatMap(([region, codes]) => (codes.length === regionSizes.get(region) ? [region] : codes))
    .join(", ");
}

function Choices({
  legend,
  name,
  values,
  labels,
  checked,
}: {
  legend: string;
  name: string;
  values: readonly string[];
  labels: (value: string) => string;
  checked: readonly unknown[];
}) {
  return (
    <fieldset className="text-sm">
      <legend className="font-semibold">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {values.map((value) => (
          <CompactCheckbox
            key={value}
            name={name}
            value={value}
            label={labels(value)}
            defaultChecked={checked.includes(value)}
          />
        ))}
      </div>
    </fieldset>
  );
}

// The page's answer to one form, shown beside it: its refusal, or that it was saved.
function Feedback({ reply, intent, target }: { reply?: Reply; intent: string; target?: string }) {
  const { t } = useTranslation();
  if (reply?.intent !== intent || (target !== undefined && reply.target !== target)) return null;
  if (reply.error) return <FormErrors errors={[reply.error]} />;
  return reply.result?.error ? null : (
    <Notice>{t(intent === "add-association" ? "helpNetwork.added" : "helpNetwork.saved")}</Notice>
  );
}

// The fields of an association's profile, filled with `values` (its row, or what was sent).
function AssociationFields({ values }: { values?: Values }) {
  const { t } = useTranslation();
  const text = (key: string) => (values?.[key] === undefined ? undefined : String(values[key]));
  const list = (key: string) => {
    const value = values?.[key];
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
  };
  const departments = values?.departments;
  return (
    <>
      <CompactInput label={t("helpNetwork.name")} name="name" defaultValue={text("name")} required maxLength={80} />
      <CompactInput
        label={t("helpNetwork.website")}
        name="website"
        type="url"
        defaultValue={text("website")}
        maxLength={300}
      />
      <CompactTextArea
        label={t("helpNetwork.summaryFr")}
        name="summaryFr"
        defaultValue={text("summaryFr")}
        rows={3}
        required
        maxLength={600}
      />
      <CompactTextArea
        label={t("helpNetwork.summaryEn")}
        name="summaryEn"
        defaultValue={text("summaryEn")}
        rows={3}
        required
        maxLength={600}
      />
      <CompactInput
        label={t("helpNetwork.departments")}
        name="departments"
        defaultValue={Array.isArray(departments) ? coverageText(departments) : text("departments")}
        placeholder={t("helpNetwork.departmentsPlaceholder")}
        maxLength={2000}
        className="sm:col-span-2"
      />
      <p className="-mt-2 text-xs text-gray-600 sm:col-span-2">{t("helpNetwork.departmentsHint")}</p>
      <Choices
        legend={t("helpNetwork.stages")}
        name="stages"
        values={stages}
        labels={(s) => t(`helpNetwork.stageNames.${s}`)}
        checked={list("stages")}
      />
      <Choices
        legend={t("helpNetwork.languages")}
        name="languages"
        values={portalLanguages}
        labels={(l) => t(`helpNetwork.languageNames.${l}`)}
        checked={values ? list("languages") : ["fr"]}
      />
      <CompactInput
        label={t("helpNetwork.capacity")}
        name="weeklyCapacity"
        type="number"
        min={0}
        max={500}
        defaultValue={text("weeklyCapacity") ?? "10"}
        required
      />
    </>
  );
}

function AssociationItem({ association, reply }: { association: Association; reply?: Reply }) {
  const { t } = useTranslation();
  const full = association.weekLoad >= association.weeklyCapacity;
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold">{association.name}</p>
        <p className={`text-sm ${full ? "font-semibold text-red-800" : "text-gray-700"}`}>
          {t(full ? "helpNetwork.loadFull" : "helpNetwork.load", {
            count: association.weekLoad,
            capacity: association.weeklyCapacity,
          })}
        </p>
      </div>
      <p className="text-sm text-gray-700">
        {association.departments.length ? coverageText(association.departments) : t("helpNetwork.wholeCountry")}
      </p>
      <p className="text-sm text-gray-700">
        {association.stages.map((s) => t(`helpNetwork.stageNames.${s}`)).join(" · ")} —{" "}
        {association.languages.map((l) => t(`helpNetwork.languageNames.${l}`)).join(", ")}
      </p>
      <p className={`text-sm ${association._count.volunteers ? "text-gray-700" : "font-semibold text-red-800"}`}>
        {association._count.volunteers
          ? t("helpNetwork.volunteers", { count: association._count.volunteers })
          : t("helpNetwork.noVolunteer")}
      </p>
      <details className="mt-2 text-sm" open={reply?.intent === "edit-association" && reply.target === association.id}>
        <summary className="cursor-pointer font-semibold text-brand-700">
          {t("helpNetwork.editAssociation", { name: association.name })}
        </summary>
        <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="intent" value="edit-association" />
          <input type="hidden" name="id" value={association.id} />
          <div className="sm:col-span-2">
            <Feedback reply={reply} intent="edit-association" target={association.id} />
          </div>
          <AssociationFields values={association} />
          <div className="sm:col-span-2">
            <SubmitButton variant="secondary">{t("helpNetwork.saveAssociation")}</SubmitButton>
          </div>
        </Form>
      </details>
    </li>
  );
}

export function AssociationsSection({ associations, reply }: { associations: Association[]; reply?: Reply }) {
  const { t } = useTranslation();
  const added = reply?.intent === "add-association" ? reply.result : undefined;
  return (
    <Section title={t("helpNetwork.associations")} lead={t("helpNetwork.associationsLead")} className="mt-6">
      {associations.length ? (
        <ul className="mt-3 divide-y divide-stone-100 rounded border border-stone-200">
          {associations.map((a) => (
            <AssociationItem key={a.id} association={a} reply={reply} />
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-gray-700">{t("helpNetwork.noAssociation")}</p>
      )}
      <div className="mt-3">
        <Feedback reply={reply} intent="add-association" />
      </div>
      <details className="mt-4" open={Boolean(added?.error) || !associations.length}>
        <summary className="cursor-pointer font-semibold text-brand-700">{t("helpNetwork.addAssociation")}</summary>
        <NewAssociationForm result={added} />
      </details>
    </Section>
  );
}

// A new association and its first volunteer; what was sent comes back with the errors (the page
// may be served without JavaScript).
function NewAssociationForm({ result }: { result?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const sent = result?.error ? (result.initialValue as Values | undefined) : undefined;
  const errors = Object.values(result?.error ?? {}).flatMap((e) => e ?? []);
  return (
    <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" key={result?.error ? "sent" : "empty"}>
      <input type="hidden" name="intent" value="add-association" />
      <div className="sm:col-span-2">
        <FormErrors errors={[...new Set(errors)]} />
      </div>
      <AssociationFields values={sent} />
      <p className="text-sm text-gray-700 sm:col-span-2">{t("helpNetwork.firstVolunteerLead")}</p>
      <CompactInput
        label={t("helpNetwork.volunteerName")}
        name="volunteerName"
        defaultValue={sent?.volunteerName === undefined ? undefined : String(sent.volunteerName)}
        required
        maxLength={80}
      />
      <CompactInput
        label={t("helpNetwork.volunteerEmail")}
        name="volunteerEmail"
        type="email"
        defaultValue={sent?.volunteerEmail === undefined ? undefined : String(sent.volunteerEmail)}
        required
      />
      <div className="sm:col-span-2">
        <SubmitButton>{t("helpNetwork.add")}</SubmitButton>
      </div>
    </Form>
  );
}

// A rule's conditions in one line ("liquidation, within 6 months, need: cash").
function useConditions() {
  const { t } = useTranslation();
  return (rule: Rule) => {
    if (rule.isDefault) return t("helpNetwork.defaultConditions");
    const parts = [
      rule.companyActive === null ? null : t(rule.companyActive ? "helpNetwork.active" : "helpNetwork.closed"),
      rule.procedures.length ? rule.procedures.map((p) => t(`help.procedures.${p}`)).join(t("helpNetwork.or")) : null,
      rule.withinMonths === null ? null : t("helpNetwork.within", { count: rule.withinMonths }),
      rule.needs.length
        ? t("helpNetwork.needsLine", { needs: rule.needs.map((n) => t(`help.needs.${n}`)).join(t("helpNetwork.or")) })
        : null,
    ].filter(Boolean);
    return parts.length ? parts.join(" · ") : t("helpNetwork.anyRequest");
  };
}

function RuleFields({ rule, associations }: { rule?: Rule; associations: Association[] }) {
  const { t } = useTranslation();
  return (
    <>
      <CompactInput
        label={t("helpNetwork.reasonFr")}
        name="reasonFr"
        defaultValue={rule?.reasonFr}
        required
        minLength={3}
        maxLength={120}
      />
      <CompactInput
        label={t("helpNetwork.reasonEn")}
        name="reasonEn"
        defaultValue={rule?.reasonEn}
        required
        minLength={3}
        maxLength={120}
      />
      {rule?.isDefault ? null : (
        <>
          <label className="block text-sm font-semibold">
            {t("helpNetwork.companyActive")}
            <select
              name="companyActive"
              defaultValue={rule?.companyActive === null || !rule ? "" : rule.companyActive ? "yes" : "no"}
              className={select}
            >
              <option value="">{t("helpNetwork.either")}</option>
              <option value="yes">{t("helpNetwork.active")}</option>
              <option value="no">{t("helpNetwork.closed")}</option>
            </select>
          </label>
          <label className="block text-sm font-semibold">
            {t("helpNetwork.withinMonths")}
            <select name="withinMonths" defaultValue={rule?.withinMonths?.toString() ?? ""} className={select}>
              <option value="">{t("helpNetwork.anyTime")}</option>
              {withinMonthsChoices.map((m) => (
                <option key={m} value={m}>
                  {t("helpNetwork.within", { count: Number(m) })}
                </option>
              ))}
            </select>
          </label>
          <div className="sm:col-span-2">
            <Choices
              legend={t("helpNetwork.procedures")}
              name="procedures"
              values={procedures}
              labels={(p) => t(`help.procedures.${p}`)}
              checked={rule?.procedures ?? []}
            />
          </div>
          <div className="sm:col-span-2">
            <Choices
              legend={t("helpNetwork.needs")}
              name="needs"
              values={needs}
              labels={(n) => t(`help.needs.${n}`)}
              checked={rule?.needs ?? []}
            />
          </div>
        </>
      )}
      {Array.from({ length: RULE_CHOICES }, (_, i) => (
        <label key={i} className="block text-sm font-semibold">
          {t("helpNetwork.choice", { number: i + 1 })}
          <select
            name="associationIds"
            defaultValue={rule?.associationIds[i] ?? ""}
            required={i === 0}
            className={select}
          >
            <option value="">{i === 0 ? t("helpNetwork.chooseAssociation") : t("helpNetwork.noChoice")}</option>
            {associations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      ))}
    </>
  );
}

export function RulesSection({
  rules,
  associations,
  reply,
}: {
  rules: Rule[];
  associations: Association[];
  reply?: Reply;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const conditions = useConditions();
  const names = new Map(associations.map((a) => [a.id, a.name]));
  const ordered = rules.filter((r) => !r.isDefault);
  const line = (rule: Rule, index: number) => (
    <div>
      <p className="font-semibold">
        {rule.isDefault ? t("helpNetwork.defaultRule") : t("helpNetwork.ruleNumber", { number: index + 1 })} —{" "}
        {localized(rule, "reason", locale)}
      </p>
      <p className="text-sm text-gray-700">{conditions(rule)}</p>
      <p className="text-sm text-gray-700">
        → {rule.associationIds.map((id) => names.get(id) ?? t("helpNetwork.goneAssociation")).join(" → ")}
      </p>
    </div>
  );
  const rulesList = (
    <ul className="mt-3 divide-y divide-stone-100 rounded border border-stone-200">
      {ordered.map((rule, i) => (
        <EditableItem
          key={rule.id}
          id={rule.id}
          name={localized(rule, "reason", locale)}
          line={line(rule, i)}
          index={i}
          count={ordered.length}
          intents={{ move: "move-rule", remove: "remove-rule", edit: "edit-rule" }}
          editLabel={t("helpNetwork.editRule")}
          saveLabel={t("helpNetwork.saveRule")}
          open={reply?.intent === "edit-rule" && reply.target === rule.id && Boolean(reply.error)}
          note={
            <div className="mt-2">
              <Feedback reply={reply} intent="edit-rule" target={rule.id} />
              <Feedback reply={reply} intent="remove-rule" target={rule.id} />
            </div>
          }
        >
          <RuleFields rule={rule} associations={associations} />
        </EditableItem>
      ))}
      {rules
        .filter((r) => r.isDefault)
        .map((rule) => (
          <li key={rule.id} className="px-4 py-2">
            {line(rule, 0)}
            <details
              className="mt-1 text-sm"
              open={reply?.intent === "edit-rule" && reply.target === rule.id && Boolean(reply.error)}
            >
              <summary className="cursor-pointer font-semibold text-brand-700">{t("helpNetwork.editRule")}</summary>
              <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-2">
                <input type="hidden" name="intent" value="edit-rule" />
                <input type="hidden" name="id" value={rule.id} />
                <div className="sm:col-span-2">
                  <Feedback reply={reply} intent="edit-rule" target={rule.id} />
                </div>
                <RuleFields rule={rule} associations={associations} />
                <div>
                  <SubmitButton variant="secondary">{t("helpNetwork.saveRule")}</SubmitButton>
                </div>
              </Form>
            </details>
          </li>
        ))}
    </ul>
  );
  return (
    <Section title={t("helpNetwork.rules")} lead={t("helpNetwork.rulesLead")} className="mt-6">
      {rules.length ? rulesList : <p className="mt-3 text-gray-700">{t("helpNetwork.noRule")}</p>}
      {associations.length ? (
        <details className="mt-4" open={reply?.intent === "add-rule" && Boolean(reply.error)}>
          <summary className="cursor-pointer font-semibold text-brand-700">{t("helpNetwork.addRule")}</summary>
          <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="add-rule" />
            <div className="sm:col-span-2">
              <Feedback reply={reply} intent="add-rule" />
            </div>
            <RuleFields associations={associations} />
            <div className="sm:col-span-2">
              <SubmitButton>{t("helpNetwork.add")}</SubmitButton>
            </div>
          </Form>
        </details>
      ) : null}
    </Section>
  );
}

// "Try the rules": a person's answers, sent with GET (nothing is stored), and where they would go.
export function TrySection({ query, result }: { query: Record<string, string | string[]>; result: TrialResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const one = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : "");
  const many = (key: string) => [query[key] ?? []].flat();
  return (
    <Section title={t("helpNetwork.try")} lead={t("helpNetwork.tryLead")} className="mt-6">
      <Form method="get" className="mt-3 grid gap-3 sm:grid-cols-3" preventScrollReset>
        <input type="hidden" name="essai" value="1" />
        <label className="block text-sm font-semibold">
          {t("help.companyActive")}
          <select name="companyActive" defaultValue={one("companyActive") || "no"} className={select}>
            <option value="yes">{t("help.yes")}</option>
            <option value="no">{t("help.no")}</option>
          </select>
        </label>
        <label className="block text-sm font-semibold">
          {t("help.procedure")}
          <select name="procedure" defaultValue={one("procedure") || "LIQUIDATION"} className={select}>
            {procedures.map((p) => (
              <option key={p} value={p}>
                {t(`help.procedures.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-semibold">
          {t("help.since")}
          <select name="since" defaultValue={one("since")} className={select}>
            <option value="">{t("help.sinceUnknown")}</option>
            {sinces.map((s) => (
              <option key={s} value={s}>
                {t(`help.sinces.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-semibold">
          {t("help.department")}
          <select name="department" defaultValue={one("department") || "59"} className={select}>
            {DEPARTMENTS.map(([code]) => (
              <option key={code} value={code}>
                {code} — {departmentName(code)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-semibold">
          {t("helpNetwork.answeredIn")}
          <select name="locale" defaultValue={one("locale") || "fr"} className={select}>
            {portalLanguages.map((l) => (
              <option key={l} value={l}>
                {t(`helpNetwork.languageNames.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="sm:col-span-3">
          <Choices
            legend={t("help.needsLegend")}
            name="needs"
            values={needs}
            labels={(n) => t(`help.needs.${n}`)}
            checked={many("needs").length ? many("needs") : ["MORAL"]}
          />
        </div>
        <div>
          <SubmitButton variant="secondary">{t("helpNetwork.tryButton")}</SubmitButton>
        </div>
      </Form>
      {result ? (
        <p role="status" className="mt-3 rounded-md bg-sky-50 px-3 py-2 text-sky-900">
          {result === "nowhere"
            ? t("helpNetwork.tryNowhere")
            : "error" in result
              ? t(result.error)
              : t("helpNetwork.tryResult", { reason: locale === "en" ? result.reasonEn : result.reasonFr })}
        </p>
      ) : null}
    </Section>
  );
}

export function RetentionSection({ months, reply }: { months: number; reply?: Reply }) {
  const { t } = useTranslation();
  return (
    <Section title={t("helpNetwork.retention")} lead={t("helpNetwork.retentionLead")} className="mt-6">
      <Form method="post" className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="retention" />
        <CompactInput
          label={t("helpNetwork.retentionMonths")}
          name="helpRetentionMonths"
          type="number"
          min={1}
          max={60}
          defaultValue={months}
          required
        />
        <SubmitButton variant="secondary">{t("helpNetwork.saveRetention")}</SubmitButton>
      </Form>
      <div className="mt-3">
        <Feedback reply={reply} intent="retention" />
      </div>
    </Section>
  );
}
