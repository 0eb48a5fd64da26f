import { registerMessages } from '@flexdesk/client-data-access';
import { ADMIN_MESSAGES_DE, ADMIN_MESSAGES_EN } from '@flexdesk/client-data-access/admin-messages';

// The administration pages' texts load with these pages, not with the first download. Every page
// (and the routes) import this module for this side effect, so a page works however it is reached.
registerMessages({ de: ADMIN_MESSAGES_DE, en: ADMIN_MESSAGES_EN });
