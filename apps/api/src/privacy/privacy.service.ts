import { Inject, Injectable } from '@nestjs/common';
import type { Locale, PrivacySheet } from '@flexdesk/shared-contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { PrivacyRepository } from './privacy.repository';
import { accessRight, nameVisibility, notifications, reports, storedItems, type PrivacyFacts } from './privacy-texts';

/** The figures of the running configuration that the privacy texts quote. */
export function privacyFacts(config: AppConfig): PrivacyFacts {
  return {
    retentionDays: config.retentionDays,
    sessionHours: config.sessionTtlHours,
    sentMessagesDays: config.notifications.keepSentDays,
    minGroup: config.privacyMinGroup,
    singleSignOn: config.oidc !== null,
    scim: config.scimToken !== null,
  };
}

/** The privacy sheet (annex to a works agreement), generated from the running configuration. */
@Injectable()
export class PrivacyService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly privacy: PrivacyRepository,
    private readonly clock: Clock,
  ) {}

  async sheet(locale: Locale): Promise<PrivacySheet> {
    const facts = privacyFacts(this.config);
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
      accessRight: accessRight(locale),
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
