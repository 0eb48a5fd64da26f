/**
 * Loads an ESM-only package (openid-client, oidc-provider) from this CommonJS build. A plain
 * `import()` would be compiled to `require()`; this one stays a real dynamic import, which Node
 * and Jest (with --experimental-vm-modules) both resolve.
 */
export const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;
