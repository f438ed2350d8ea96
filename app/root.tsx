import { useContext } from "react";
import enhancements from "~/ui/enhancements.js?url&no-inline";
import { servedWithoutReact, type PageHandle } from "~/ui/without-react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useMatches,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { scriptJson } from "~/events/structured-data";
import type { Locale } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { TranslationProvider } from "~/infra/i18n/react";
import { FRAME_STRINGS_ID, RequestLocale } from "~/infra/i18n/request-locale";
import { frameStrings, pickStrings } from "~/infra/i18n/strings.server";
import { mergeStrings, type Strings } from "~/infra/i18n/translate";
import { useScriptNonce } from "~/infra/content-security";
import { SiteFooter, SiteHeader } from "~/ui/site-chrome";
import { ErrorPage } from "~/ui/error-page";
import "./app.css";

export async function loader({ request }: Route.LoaderArgs) {
  const [locale, user] = await Promise.all([detectLocale(request), getUser(request)]);
  const isOrganiser = user ? (await db().membership.count({ where: { userId: user.id } })) > 0 : false;
  return {
    locale,
    user: user ? { name: user.name, email: user.email } : null,
    isOrganiser,
    demoMode: env().demoMode,
    strings: pickStrings(locale, frameStrings),
  };
}

export const links: Route.LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const served = useContext(RequestLocale);
  const nonce = useScriptNonce();
  const locale: Locale = data?.locale ?? served.locale;
  const matches = useMatches();
  // Each route's loader sends the strings it shows; without the root's, the frame's come with the page.
  const parts = matches.map((m) => (m.data as { strings?: Strings } | undefined)?.strings);
  const strings = mergeStrings(data ? parts : [served.frameStrings, ...parts]);
  // A page for a projector (the live wall's screen) takes the whole window, without the site's chrome.
  const fullScreen = matches.some((m) => (m.handle as PageHandle | undefined)?.fullScreen);
  const hydrated = !servedWithoutReact(matches.map((m) => m.handle));
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <TranslationProvider locale={locale} strings={strings}>
          {fullScreen ? (
            children
          ) : (
            <>
              <SiteHeader data={data} />
              <main id="contenu" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
                {children}
              </main>
              <SiteFooter />
            </>
          )}
        </TranslationProvider>
        {hydrated ? (
          <>
            {data ? null : (
              <script
                id={FRAME_STRINGS_ID}
                type="application/json"
                nonce={nonce}
                dangerouslySetInnerHTML={{ __html: scriptJson(served.frameStrings) }}
              />
            )}
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script type="module" src={enhancements} nonce={nonce} />
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) return <ErrorPage status={500} />;
  const message = (error.data as { message?: unknown } | null)?.message;
  return <ErrorPage status={error.status} message={typeof message === "string" ? message : undefined} />;
}
