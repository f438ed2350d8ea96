import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { resources } from "~/infra/i18n/i18n";
import { frameStrings } from "~/infra/i18n/strings.server";

// A page receives only the strings its loader names (pageStrings) besides the frame's (the root
// loader's): a key outside them would read as itself, on the server and in the browser alike.
// For every page, the keys written in its route module, in the modules it brings to the browser
// and, untranslated, in the server modules it calls (the error keys its action returns) must
// fall in what its loader sends. Keys built at run time count by their literal start
// (`schedule.kind.${kind}` needs schedule.kind, `errors.${code}` all of errors).
const fr = resources.fr.translation as Record<string, unknown>;

function resolve(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("~/")
    ? path.join("app", specifier.slice(2))
    : specifier.startsWith(".")
      ? path.join(path.dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find(
    (file) => existsSync(file) && statSync(file).isFile(),
  );
}

// The route module, what it imports for the browser, and the server modules it calls itself.
function moduleGraph(route: string): string[] {
  const seen = new Set<string>();
  const queue = [route];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^import\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
      const target = resolve(file, match[1]!);
      if (!target || target.includes(`${path.sep}locales${path.sep}`)) continue;
      if (!isServer(target)) queue.push(target);
      else if (file === route) seen.add(target);
    }
  }
  return [...seen];
}

const isServer = (file: string) => /\.server\.tsx?$/.test(file);

// Every key-looking literal that names an existing branch: "tickets.sold", `schedule.kind.${…}`;
// in a server module, not those it translates itself (a CSV header, a mail).
function usedPaths(files: string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/(\bt\(\s*)?["'`]([a-zA-Z]+)\.(\$\{|[a-zA-Z]\w*)/g)) {
      const [, translated, namespace = "", branch = ""] = match;
      if (translated && isServer(file)) continue;
      const tree = fr[namespace];
      if (!tree || typeof tree !== "object") continue;
      if (branch === "${") used.add(namespace);
      else if (branch in tree || Object.keys(tree).some((key) => key.startsWith(`${branch}_`)))
        used.add(`${namespace}.${branch}`);
    }
  }
  return used;
}

function declared(route: string): string[] {
  const source = readFileSync(route, "utf8");
  const call = source.match(/pageStrings\(\s*request\s*((?:,\s*"[\w.]+"\s*)*),?\s*\)/);
  return call ? [...call[1]!.matchAll(/"([\w.]+)"/g)].map((m) => m[1]!) : [];
}

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return pages(file);
    return /\.tsx$/.test(name) && /export default function/.test(readFileSync(file, "utf8")) ? [file] : [];
  });
}

const covers = (paths: readonly string[], used: string) => paths.some((p) => used === p || used.startsWith(`${p}.`));

test("every page's loader sends the strings the page shows", () => {
  const routes = pages("app/routes");
  expect(routes.length).toBeGreaterThan(50);
  const missing: string[] = [];
  for (const route of routes) {
    const sent = [...frameStrings, ...declared(route)];
    for (const used of usedPaths(moduleGraph(route))) if (!covers(sent, used)) missing.push(`${route}: ${used}`);
  }
  expect(missing).toEqual([]);
});

test("the frame's strings cover the root, its header, footer and error page", () => {
  const missing = [...usedPaths(moduleGraph("app/root.tsx"))].filter((used) => !covers(frameStrings, used));
  expect(missing).toEqual([]);
});
