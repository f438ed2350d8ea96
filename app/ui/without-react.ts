// A page served without React in the browser: plain HTML and forms, with the few enhancements of
// app/ui/enhancements.js, so that it weighs almost no JavaScript (docs/decisions/023-pages-without-react.md).
// A route opts in with `export const handle = withoutReact` and `export const clientLoader = loadAsDocument`.
export const withoutReact = { hydrate: false } as const;

export type PageHandle = { hydrate?: false; fullScreen?: boolean };

export function servedWithoutReact(handles: unknown[]) {
  return handles.some((handle) => (handle as PageHandle | undefined)?.hydrate === false);
}

// Reached by a link from a page that runs React, the page is loaded as a document, so that it
// comes with its enhancements like on a first visit.
export function loadAsDocument({ request }: { request: Request }): Promise<never> {
  window.location.assign(request.url);
  return new Promise(() => {});
}
