/**
 * The administration pages' texts, apart from the main entry: through it they would land in the
 * first download (the bundler keeps a module with the first entry that reaches it). Only
 * `@flexdesk/client-feature-admin` imports this, and registers them with `registerMessages`.
 */
export * from './lib/i18n/messages.admin.de';
export * from './lib/i18n/messages.admin.en';
