import { href, Link } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import type { SetupStep } from "./setup-checklist.server";

// The set-up checklist of the event's home: what is done, and a link to do what is not.
const stepPage: Record<SetupStep["key"], (eventSlug: string) => string> = {
  call: (eventSlug) => href("/organisateur/evenements/:eventSlug/appel", { eventSlug }),
  criteria: (eventSlug) => href("/organisateur/evenements/:eventSlug/relecture", { eventSlug }),
  rooms: (eventSlug) => href("/organisateur/evenements/:eventSlug/salles", { eventSlug }),
  quota: (eventSlug) => href("/organisateur/evenements/:eventSlug/billetterie", { eventSlug }),
  tickets: (eventSlug) => href("/organisateur/evenements/:eventSlug/billetterie", { eventSlug }),
  partner: (eventSlug) => href("/organisateur/evenements/:eventSlug/partenaires", { eventSlug }),
  reminders: (eventSlug) => href("/organisateur/evenements/:eventSlug/campagnes", { eventSlug }),
  wall: (eventSlug) => href("/organisateur/evenements/:eventSlug/mur/reglages", { eventSlug }),
};

export function SetupChecklist({ eventSlug, steps }: { eventSlug: string; steps: SetupStep[] }) {
  const { t } = useTranslation();
  const left = steps.filter((step) => !step.done).length;
  return (
    <section aria-labelledby="setup-title" className="card p-4">
      <h2 id="setup-title" className="font-bold">
        {t("eventNav.setup.title")}
      </h2>
      <p className="mt-1 text-sm text-gray-700">
        {left ? t("eventNav.setup.left", { count: left }) : t("eventNav.setup.ready")}
      </p>
      <ul className="mt-2 space-y-1 text-sm">
        {steps.map((step) => (
          <li key={step.key} className="flex gap-2">
            <span aria-hidden="true">{step.done ? "✓" : "○"}</span>
            {step.done ? (
              <span className="text-gray-700">{t(`eventNav.setup.done.${step.key}`)}</span>
            ) : (
              <Link to={stepPage[step.key](eventSlug)}>{t(`eventNav.setup.todo.${step.key}`)}</Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
