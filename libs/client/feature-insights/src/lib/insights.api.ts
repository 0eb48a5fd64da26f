import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  type InsightTable,
  type InsightsQuery,
  type InsightsReport,
  type Locale,
  type PrivacySheet,
} from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '@flexdesk/client-data-access';

/** Query parameters of a report: only the fields that are set. */
export function insightsParams(q: InsightsQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;
}

/** Insights and the privacy sheet. */
@Injectable({ providedIn: 'root' })
export class InsightsApi {
  private readonly http = inject(HttpClient);

  utilisation(q: InsightsQuery): Observable<InsightsReport> {
    return this.http.get<InsightsReport>(apiUrl(API_ROUTES.insights, 'utilisation'), { params: insightsParams(q) });
  }

  /** Download links (the browser sends the session cookie). */
  csvUrl(q: InsightsQuery, table: InsightTable, lang: Locale): string {
    const params = new URLSearchParams({ ...insightsParams(q), table, lang });
    return `${apiUrl(API_ROUTES.insights, 'utilisation.csv')}?${params}`;
  }

  xlsxUrl(q: InsightsQuery, lang: Locale): string {
    return `${apiUrl(API_ROUTES.insights, 'utilisation.xlsx')}?${new URLSearchParams({ ...insightsParams(q), lang })}`;
  }

  privacy(lang: Locale): Observable<PrivacySheet> {
    return this.http.get<PrivacySheet>(apiUrl(API_ROUTES.privacy), { params: { lang } });
  }
}
