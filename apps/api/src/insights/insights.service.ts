import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import {
  INSIGHTS_MAX_DAYS,
  type InsightTable,
  type InsightsQuery,
  type InsightsReport,
  type Locale,
} from '@flexdesk/shared-contracts';
import { addDaysToDate, computeInsights, isValidDate, wholeMonths } from '@flexdesk/shared-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { validationError } from '../common/validation';
import { toCsv } from '../common/csv';
import { InsightsRepository } from './insights.repository';
import { cellText, exportTables } from './insights-tables';

/**
 * Utilisation reports for facility managers. Built only from the name-free booking facts, so they
 * work the same after the privacy purge; every figure obeys the k-anonymity rules of
 * `shared-domain/insights.ts` with the configured minimum group (PRIVACY_MIN_GROUP, never below 5).
 */
@Injectable()
export class InsightsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly insights: InsightsRepository,
  ) {}

  async report(q: InsightsQuery): Promise<InsightsReport> {
    for (const field of ['from', 'to'] as const) {
      if (!isValidDate(q[field])) throw validationError(field, `${field} is not a calendar date`);
    }
    if (q.to < q.from) throw validationError('to', 'to must not be before from');
    if (addDaysToDate(q.from, INSIGHTS_MAX_DAYS - 1) < q.to) {
      throw validationError('to', `a report covers at most ${INSIGHTS_MAX_DAYS} days`);
    }
    const building = await this.insights.building(q.buildingId);
    if (!building) throw new DomainError('BUILDING_NOT_FOUND');
    if (q.floorId && (await this.insights.floorBuilding(q.floorId)) !== q.buildingId) {
      throw new DomainError('FLOOR_NOT_FOUND');
    }
    const zoneFloorId = q.zoneId ? await this.insights.zoneFloor(q.zoneId) : null;
    if (q.zoneId && (!zoneFloorId || (await this.insights.floorBuilding(zoneFloorId)) !== q.buildingId)) {
      throw new DomainError('NOT_FOUND');
    }
    const spaceFloorId = q.spaceId ? await this.insights.spaceFloor(q.buildingId, q.spaceId) : null;
    if (q.spaceId && !spaceFloorId) throw new DomainError('SPACE_NOT_FOUND');

    const months = wholeMonths(q.from, q.to);
    // Per-space figures (and with them the atoms) of one floor when the report is about a floor, a
    // zone or a space; a whole building's report has no per-space table (thousands of rows).
    const floorId = q.floorId ?? zoneFloorId ?? spaceFloorId;
    const inScope = await this.insights.spaces(q.buildingId, floorId);
    await this.insights.flush(q.buildingId);
    const [closures, days, spaceMonths] = await Promise.all([
      this.insights.closures(q.buildingId, months.from, months.to),
      this.insights.dayAtoms(q.buildingId, q.from, q.to, floorId),
      floorId
        ? this.insights.spaceMonths(
            q.buildingId,
            q.from,
            q.to,
            inScope.map((s) => s.spaceId),
          )
        : null,
    ]);
    const figures = computeInsights({
      calendar: { timeZone: building.timeZone, openingHours: building.openingHours, midday: building.midday, closures },
      from: q.from,
      to: q.to,
      spaces: inScope,
      days,
      spaceMonths,
      scope: { floorId: q.floorId, zoneId: q.zoneId, kind: q.kind, spaceId: q.spaceId },
      minGroup: this.config.privacyMinGroup,
    });
    const query: InsightsQuery = { buildingId: q.buildingId, from: q.from, to: q.to };
    for (const key of ['floorId', 'zoneId', 'spaceId', 'kind'] as const)
      if (q[key]) Object.assign(query, { [key]: q[key] });
    return {
      query,
      buildingName: building.name,
      timeZone: building.timeZone,
      minGroupSize: this.config.privacyMinGroup,
      ...figures,
    };
  }

  /** One table as CSV for spreadsheets in the reader's locale (German: `;` and decimal comma). */
  async csv(q: InsightsQuery, table: InsightTable, locale: Locale): Promise<string> {
    const t = exportTables(await this.report(q), locale).find((x) => x.name === table);
    const rows = t ? [t.header, ...t.rows.map((r) => r.map((c) => cellText(c, locale)))] : [];
    return toCsv(rows, locale === 'de' ? ';' : ',');
  }

  /** Every table as a sheet of one workbook; numbers stay numbers, shares are formatted as percentages. */
  async xlsx(q: InsightsQuery, locale: Locale): Promise<Buffer> {
    const report = await this.report(q);
    const book = new ExcelJS.Workbook();
    book.creator = 'Flexdesk';
    for (const t of exportTables(report, locale)) {
      const sheet = book.addWorksheet(t.title);
      sheet.addRow(t.header).font = { bold: true };
      for (const r of t.rows) {
        const row = sheet.addRow(r.map((c) => (c !== null && typeof c === 'object' ? c.share : c)));
        r.forEach((c, i) => {
          if (c !== null && typeof c === 'object') row.getCell(i + 1).numFmt = '0.0%';
        });
      }
      sheet.columns.forEach((col) => (col.width = 18));
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}
