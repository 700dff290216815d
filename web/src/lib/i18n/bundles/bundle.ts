/**
 * One language's strings as i18next namespaces, from its locale files (`import.meta.glob` of
 * `locales/**\/<lang>.json`): `locales/<lang>.json` is the shared `translation` namespace, and
 * `locales/<feature>/<lang>.json` the feature's (`api-access` → `apiAccess`). A new feature's file
 * joins every language's bundle by being there.
 */
export function bundle(files: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(files).map(([path, strings]) => {
      const folder = /locales\/([^/]+)\/[^/]+\.json$/.exec(path)?.[1];
      const namespace = folder ? folder.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()) : 'translation';
      return [namespace, strings];
    }),
  );
}
