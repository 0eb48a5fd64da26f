/**
 * The ui pieces without Material, for the app shell: importing the main entry there would pull
 * every Material widget the pages use into the initial bundle (esbuild keeps a shared module with
 * the first entry that reaches it). Features import `@flexdesk/client-ui`, which has these too.
 */
export * from './lib/locale/ui-locale';
export * from './lib/icon/icon';
