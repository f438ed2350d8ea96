import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { resources } from "~/infra/i18n/i18n";

// What the browser downloads as JavaScript on a first visit of each attendee page, read from the
// client build (`npm run build`): React Router's browser manifest names the entry, the root and
// each route module with the chunks it preloads; their static imports are followed in the files
// themselves. Each file counts gzipped on its own, as the server sends it (zlib's default level).
// `npm run check:bundle` (part of `npm test`) fails when a page passes the budget, or when its
// JavaScript carries any of the product's sentences (strings come as loader data, decision 019).
//
// The goal is 100 kB; React DOM and React Router alone weigh about 104 kB before any page code
// (the framework line below), so the budget is what the pages reach today with a small margin:
// lower it as the framework share shrinks.
export const BUDGET_KB = 125;

export const attendeeRoutes = [
  { id: "routes/public/event", page: "/e/:eventSlug" },
  { id: "routes/public/tickets", page: "/e/:eventSlug/billets" },
  { id: "routes/public/order", page: "/commande/:token" },
  { id: "routes/public/wall", page: "/e/:eventSlug/mur" },
  { id: "routes/series/series", page: "/serie/:seriesSlug" },
] as const;

type ManifestEntry = { module: string; imports?: string[] };
type BrowserManifest = { entry: ManifestEntry; routes: Record<string, ManifestEntry & { parentId?: string }> };

export type RouteWeight = { id: string; page: string; files: { file: string; gzip: number }[]; gzip: number; framework: number; sentences: string[] };

function browserManifest(clientDir: string): BrowserManifest {
  const file = readdirSync(path.join(clientDir, "assets")).find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!file) throw new Error(`no React Router manifest in ${clientDir}/assets: run npm run build first`);
  const source = readFileSync(path.join(clientDir, "assets", file), "utf8");
  return JSON.parse(source.slice(source.indexOf("=") + 1).replace(/;\s*$/, "")) as BrowserManifest;
}

// The chunks a module pulls in before it runs: `import … from "./x.js"` and `import "./x.js"`,
// not `import("./x.js")`, which loads later, when asked.
function staticImports(clientDir: string, url: string): string[] {
  const source = readFileSync(path.join(clientDir, url), "utf8");
  const dir = path.posix.dirname(url);
  return [...source.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)].map((m) => path.posix.join(dir, m[1]!));
}

// Sentences of both languages long enough not to be a word the code may hold for its own reasons.
function sentences(): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") {
      if (node.length >= 24 && !node.includes("{{")) found.push(node);
    } else if (node && typeof node === "object") Object.values(node).forEach(walk);
  };
  walk(resources);
  return found;
}

export function routeWeights(clientDir = "build/client"): RouteWeight[] {
  const manifest = browserManifest(clientDir);
  const product = sentences();
  // The entry and what it imports: React DOM, React, React Router, whatever the page.
  const frameworkFiles = [manifest.entry.module, ...(manifest.entry.imports ?? [])];
  const sizes = new Map<string, number>();
  const gzipOf = (url: string) => {
    let size = sizes.get(url);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(clientDir, url))).length;
      sizes.set(url, size);
    }
    return size;
  };
  return attendeeRoutes.map(({ id, page }) => {
    const chain: ManifestEntry[] = [manifest.entry];
    for (let route = manifest.routes[id]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) chain.push(route);
    if (chain.length < 2) throw new Error(`route ${id} is not in the client manifest`);
    const seen = new Set<string>();
    const queue = chain.flatMap((entry) => [entry.module, ...(entry.imports ?? [])]);
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      queue.push(...staticImports(clientDir, url));
    }
    const files = [...seen].map((file) => ({ file, gzip: gzipOf(file) })).sort((a, b) => b.gzip - a.gzip);
    const code = files.map((f) => readFileSync(path.join(clientDir, f.file), "utf8")).join("\n");
    return {
      id,
      page,
      files,
      gzip: files.reduce((sum, f) => sum + f.gzip, 0),
      framework: files.filter((f) => frameworkFiles.includes(f.file)).reduce((sum, f) => sum + f.gzip, 0),
      sentences: product.filter((sentence) => code.includes(sentence)),
    };
  });
}

export const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function main() {
  const verbose = process.argv.includes("--files");
  const weights = routeWeights();
  let failed = 0;
  for (const route of weights) {
    const fits = route.gzip < BUDGET_KB * 1000 && route.sentences.length === 0;
    if (!fits) failed++;
    const split = `framework ${kB(route.framework)} kB + page ${kB(route.gzip - route.framework)} kB`;
    console.log(`${fits ? "ok  " : "FAIL"} ${route.page.padEnd(24)} ${kB(route.gzip).padStart(6)} kB / ${BUDGET_KB} kB  (${split}, ${route.files.length} files)`);
    if (verbose || !fits) for (const f of route.files) console.log(`       ${kB(f.gzip).padStart(6)} kB  ${f.file}`);
    for (const sentence of route.sentences.slice(0, 5)) console.log(`       carries the sentence ${JSON.stringify(sentence)}`);
  }
  if (failed) {
    console.error(`${failed} attendee page(s) over the ${BUDGET_KB} kB budget of gzipped JavaScript, or carrying the product's strings`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
