/** Types for scripts/prod-manifest.js (plain Node, used by webpack.config.js and the tests). */
export const DEV_ORIGIN: string;
export const DEV_URL: string;
/** The address normalised to end with "/"; throws an Error with a Chinese sentence when Office cannot load it. */
export function addinBase(raw: string): string;
/** manifest.xml with every development URL moved under `addinUrl`; no localhost is left. */
export function productionManifest(xml: string, addinUrl: string): string;
