/**
 * Modules loaded in a module registry of their own (`jest.isolateModules`): whatever they keep at module level
 * starts empty and is not shared with the test file's own imports.
 */
export function isolated<T>(load: () => T): T {
  let out: T | undefined;
  jest.isolateModules(() => {
    out = load();
  });
  return out as T;
}
