import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { Absence, BookingSeries, MyAssignedDesk, WaitlistEntry } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';

/**
 * The working-week sections of My bookings: series, absences, the assigned desk and the waiting
 * list. Presentational: shows what it is given, reports what the person asks for.
 */
@Component({
  selector: 'fd-my-weeks',
  imports: [MatButton, MatFormField, MatInput, MatLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-weeks.html',
  styles: `
    .items {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--fd-space-3);
    }
    .items li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--fd-space-1) var(--fd-space-3);
      padding: var(--fd-space-1) 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .items li > span {
      flex: 1 1 14rem;
    }
    .range {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 var(--fd-space-3);
    }
  `,
})
export class MyWeeks {
  protected readonly i18n = inject(I18n);
  readonly series = input.required<BookingSeries[]>();
  readonly absences = input.required<Absence[]>();
  readonly desks = input.required<MyAssignedDesk[]>();
  readonly waitlist = input.required<WaitlistEntry[]>();
  /** Today in the person's buildings, `YYYY-MM-DD` (the earliest day to pick). */
  readonly today = input.required<string>();

  readonly endSeries = output<BookingSeries>();
  readonly addAbsence = output<{ from: string; to: string }>();
  readonly removeAbsence = output<Absence>();
  readonly release = output<{ desk: MyAssignedDesk; date: string }>();
  readonly unrelease = output<{ desk: MyAssignedDesk; date: string }>();
  readonly leaveWaitlist = output<WaitlistEntry>();

  protected readonly absenceFrom = signal('');
  protected readonly absenceTo = signal('');
  protected readonly releaseDate = signal('');

  protected seriesText(s: BookingSeries): string {
    const days = s.weekdays.map((d) => this.i18n.t(`weekday.${d}`)).join(', ');
    const interval = this.i18n.t(s.interval === 2 ? 'series.everyOtherWeek' : 'series.everyWeek');
    const parts = [
      this.i18n.t('weeks.series.rule', { days, interval }),
      this.i18n.t('weeks.series.from', { date: this.i18n.formatDate(s.from) }),
    ];
    if (s.until) parts.push(this.i18n.t('weeks.series.until', { date: this.i18n.formatDate(s.until) }));
    else if (s.count) parts.push(this.i18n.t('weeks.series.count', { count: s.count }));
    return parts.join(' · ');
  }

  protected range(a: Absence): string {
    return this.i18n.t('weeks.absences.range', {
      from: this.i18n.formatDate(a.from),
      to: this.i18n.formatDate(a.to),
    });
  }

  protected waitText(e: WaitlistEntry): string {
    const label =
      e.spaceLabel ?? this.i18n.t('weeks.waitlist.anyOf', { kind: this.i18n.t(`kind.${e.kind}`), floor: e.floorName });
    return this.i18n.t('weeks.waitlist.entry', { label, date: this.i18n.formatDate(e.date) });
  }

  protected waitState(e: WaitlistEntry): string {
    const status = this.i18n.t(`weeks.waitlist.status.${e.status}`);
    return e.status === 'waiting' && e.position
      ? `${status}, ${this.i18n.t('weeks.waitlist.position', { position: e.position })}`
      : status;
  }

  protected submitAbsence(event: Event): void {
    event.preventDefault();
    const from = this.absenceFrom();
    const to = this.absenceTo() || from;
    if (!from || to < from) return;
    this.addAbsence.emit({ from, to });
  }

  protected submitRelease(event: Event, desk: MyAssignedDesk): void {
    event.preventDefault();
    const date = this.releaseDate();
    if (date) this.release.emit({ desk, date });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
