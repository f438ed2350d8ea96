import type { Messages } from "./locales/fr";
import type { Locale } from "./i18n";

// The strings of one language, or a part of them: a page receives only the branches it shows
// (app/infra/i18n/strings.server.ts), the server and the mails hold them all.
export type Strings = DeepPartial<Messages>;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

// A top-level namespace (event) or one of its branches (wall.public), a plural by its base
// (ticketCount for ticketCount_one and ticketCount_other).
type Branch<Key> = Key extends `${infer Base}_${"zero" | "one" | "other"}` ? Base : Key;
export type StringsPath = {
  [K in keyof Messages]: K | `${K & string}.${Branch<keyof Messages[K] & string>}`;
}[keyof Messages];

export type TranslateOptions = Record<string, unknown>;
export type Translate = (key: string, options?: TranslateOptions) => string;

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (!node || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

// `{{name}}` takes the option of that name; a name the options do not have stays as written.
function interpolate(text: string, options: TranslateOptions | undefined) {
  if (!options) return text;
  return text.replace(/\{\{(.+?)\}\}/g, (match, name: string) => {
    const key = name.trim();
    if (!Object.hasOwn(options, key)) return match;
    const value = options[key];
    return value === undefined || value === null ? "" : String(value);
  });
}

// i18next's conventions, which the strings are written for: `key_zero` for a count of 0 when it
// exists, else `key_one` / `key_other` by the language's plural rules, else `key`; a missing key
// reads as itself.
export function createTranslator(locale: Locale, strings: Strings) {
  const tree = strings as Tree;
  const plurals = new Intl.PluralRules(locale);
  const find = (key: string, count: unknown) => {
    if (typeof count === "number") {
      const forms = [...(count === 0 ? ["zero"] : []), plurals.select(count), "other"];
      for (const form of forms) {
        const text = lookup(tree, `${key}_${form}`);
        if (typeof text === "string") return text;
      }
    }
    const text = lookup(tree, key);
    return typeof text === "string" ? text : undefined;
  };
  const t: Translate = (key, options) => {
    const text = find(key, options?.count);
    return text === undefined ? key : interpolate(text, options);
  };
  const exists = (key: string) => find(key, undefined) !== undefined;
  return { t, exists };
}

// Strings sent by several loaders (the root's, the page's), branch by branch.
export function mergeStrings(parts: readonly (Strings | undefined)[]): Strings {
  const merged: Tree = {};
  const into = (target: Tree, source: Tree) => {
    for (const [key, value] of Object.entries(source)) {
      const known = target[key];
      if (typeof value === "string" || typeof known !== "object")
        target[key] = typeof value === "string" ? value : into({}, value);
      else into(known, value);
    }
    return target;
  };
  for (const part of parts) if (part) into(merged, part as Tree);
  return merged as Strings;
}
