import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { resources } from "~/infra/i18n/i18n";

// Every literal key the code translates exists in French and in English (a missing one shows as
// its key on the page). Keys built at run time (`schedule.kind.${kind}`) are not checked here.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sources(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

function has(tree: unknown, key: string) {
  let node = tree as Record<string, unknown> | undefined;
  const parts = key.split(".");
  for (const [i, part] of parts.entries()) {
    if (!node || typeof node !== "object") return false;
    if (i === parts.length - 1) return part in node || `${part}_one` in node || `${part}_other` in node;
    node = node[part] as Record<string, unknown>;
  }
  return false;
}

test("every translation key used in the code exists in both languages", () => {
  const used = new Set<string>();
  for (const file of [...sources("app"), ...sources("emails")]) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"/g)) used.add(match[1]!);
    // Error keys travel as strings from schemas and capability functions to the page.
    for (const match of text.matchAll(/"((?:errors|agenda|tickets|schedule|order|checkIn|ticketing)\.[\w.-]+)"/g)) {
      if (!/\.(json|xml|ics|csv)$/.test(match[1]!)) used.add(match[1]!);
    }
  }
  expect(used.size).toBeGreaterThan(200);
  const missing = [...used].filter((key) => !has(resources.fr.translation, key) || !has(resources.en.translation, key));
  expect(missing).toEqual([]);
});

// Every text that counts goes through i18next's plural rules (`key_one`, `key_other`, given
// `count`), never "acceptation(s)" or "relu(s)"; and a plural pair is complete in both languages.
test("no text writes a plural by hand, and every plural has its singular and plural forms", () => {
  const byHand: string[] = [];
  const incomplete: string[] = [];
  const walk = (node: unknown, at: string, language: string) => {
    if (typeof node === "string") {
      if (/\w\((?:s|es|e)\)/.test(node)) byHand.push(`${language}:${at}`);
      return;
    }
    const entries = Object.entries(node as Record<string, unknown>);
    for (const [key, value] of entries) {
      walk(value, at ? `${at}.${key}` : key, language);
      const base = key.replace(/_(one|other)$/, "");
      if (base !== key && !(`${base}_one` in (node as object) && `${base}_other` in (node as object)))
        incomplete.push(`${language}:${at}.${base}`);
    }
  };
  walk(resources.fr.translation, "", "fr");
  walk(resources.en.translation, "", "en");
  expect(byHand).toEqual([]);
  expect(incomplete).toEqual([]);
});

// One inclusive-writing style in French (docs/decisions/039-inclusive-writing.md): the short
// point médian — inscrit·e, inscrit·es, relecteur·rices — never "·e·s", nor a full stop or a
// hyphen in its place ("inscrit.e.s", "inscrit-e-s").
test("the French texts write inclusive forms one way", () => {
  const other: string[] = [];
  const walk = (node: unknown, at: string) => {
    if (typeof node === "string") {
      if (/·e·s|\w\.e\.s\b|\w\.e\b(?!\.)|\w-e-s\b/.test(node)) other.push(`${at}: ${node}`);
      return;
    }
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) walk(value, at ? `${at}.${key}` : key);
  };
  walk(resources.fr.translation, "");
  expect(other).toEqual([]);
});
