import { Inject, Injectable } from '@nestjs/common';
import type { Locale, PrivacySheet } from '@flexdesk/shared-contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { PrivacyRepository } from './privacy.repository';
import { nameVisibility, notifications, reports, storedItems, type PrivacyFacts } from './privacy-texts';

/** The privacy sheet (annex to a works agreement), generated from the running configuration. */
@Injectable()
export class PrivacyService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly privacy: PrivacyRepository,
    private readonly clock: Clock,
  ) {}

  async sheet(locale: Locale): Promise<PrivacySheet> {
    const facts: PrivacyFacts = {
      retentionDays: this.config.retentionDays,
      sessionHours: this.config.sessionTtlHours,
      minGroup: this.config.privacyMinGroup,
      singleSignOn: this.config.oidc !== null,
      scim: this.config.scimToken !== null,
    };
    const [roles, receptionBuildings, receptionistsEverywhere, webhooks] = await Promise.all([
      this.privacy.roleCounts(),
      this.privacy.receptionBuildings(),
      this.privacy.receptionistsEverywhere(),
      this.privacy.webhooks(),
    ]);
    return {
      generatedAt: this.clock.now().toISOString(),
      locale,
      stored: storedItems(locale, facts),
      retentionDays: facts.retentionDays,
      sessionHours: facts.sessionHours,
      nameVisibility: nameVisibility(locale),
      receptionBuildings,
      receptionistsEverywhere,
      roles,
      reports: reports(locale, facts.minGroup),
      minGroupSize: facts.minGroup,
      notifications: notifications(locale, { email: this.config.notifications.smtpUrl !== null, webhooks }),
      singleSignOn: facts.singleSignOn,
      scim: facts.scim,
    };
  }
}
