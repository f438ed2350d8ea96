import { resources, type Locale } from "./i18n";
import { detectLocale } from "./locale.server";
import { mergeStrings, type Strings, type StringsPath } from "./translate";

// What the site's frame needs on every page, error pages included: the header, the footer and
// the error page. The root loader sends it; the server hands it to a page rendered without the
// root loader's data (entry.server.tsx).
export const frameStrings: readonly StringsPath[] = ["common", "nav", "footer", "errorPage"];

// The branches of one language that a page shows, for its loader data: the browser receives
// these and no others (the rest of the language, the other language, the back office's).
export function pickStrings(locale: Locale, paths: readonly StringsPath[]): Strings {
  const all = resources[locale].translation as Record<string, unknown>;
  return mergeStrings(
    paths.map((path) => {
      const [namespace = "", branch] = path.split(".");
      const tree = all[namespace] as Record<string, unknown>;
      if (!branch) return { [namespace]: tree } as Strings;
      const picked = Object.entries(tree).filter(([key]) => key === branch || key.startsWith(`${branch}_`));
      return { [namespace]: Object.fromEntries(picked) } as Strings;
    }),
  );
}

// A route loader's `strings`, in the language of the request.
export async function pageStrings(request: Request, ...paths: StringsPath[]): Promise<Strings> {
  return pickStrings(await detectLocale(request), paths);
}
