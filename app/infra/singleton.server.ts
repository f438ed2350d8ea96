// Keeps one instance of a server resource across the dev server's module reloads.
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __rebond?: Map<string, unknown> };
  store.__rebond ??= new Map();
  if (!store.__rebond.has(name)) store.__rebond.set(name, create());
  return store.__rebond.get(name) as T;
}
