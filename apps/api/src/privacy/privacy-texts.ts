import type { Locale } from '@flexdesk/shared-contracts';

/** The privacy sheet's wording; figures are filled in from the running configuration. */
export interface PrivacyFacts {
  retentionDays: number;
  sessionHours: number;
  /** Days sent e-mails stay in the outbox before the purge deletes them. */
  sentMessagesDays: number;
  minGroup: number;
  singleSignOn: boolean;
  scim: boolean;
}

type Row3 = { item: string; purpose: string; kept: string };

export function storedItems(locale: Locale, f: PrivacyFacts): Row3[] {
  const r = f.retentionDays;
  if (locale === 'de') {
    return [
      { item: 'Konto: Name, E-Mail-Adresse, Rollen, Gruppen, Heimatgebäude, Sprache, Namensfreigabe', purpose: 'Anmeldung, Berechtigungen, Buchungsregeln für Bereiche', kept: 'bis zur Löschung des Kontos' },
      { item: 'Passwort (nur als argon2id-Hash) oder Verknüpfung mit dem Identitätsanbieter', purpose: 'Anmeldung', kept: 'bis zur Löschung des Kontos' },
      { item: 'Sitzungen', purpose: 'angemeldet bleiben', kept: `${f.sessionHours} Stunden, danach gelöscht` },
      { item: 'Buchungen: Platz, Zeit, Status, Check-in, wer für wen gebucht hat', purpose: 'Buchen, Einchecken, Kalender', kept: `Namen ${r} Tage nach Ende der Buchung entfernt; Platz, Zeit und Status bleiben namenlos für Statistik` },
      { item: 'Auswertungsdaten: Platz, Tag, Status und ein monatlich wechselndes Pseudonym (kein Name)', purpose: 'Mindestgruppengröße prüfen', kept: `Pseudonym nach Monatsende plus ${r} Tagen nicht mehr zuordenbar (Schlüssel gelöscht)` },
      { item: 'Favoriten, gefolgte Kolleginnen und Kollegen, Abwesenheiten, zugewiesene Plätze, Warteliste, Kalender-Abo (nur Hash)', purpose: 'Arbeitswochen planen', kept: 'bis die Person sie löscht oder das Konto gelöscht wird' },
      { item: 'E-Mails an die Person: Art, Buchung, Versandstatus und -zeit; E-Mail-Einstellungen', purpose: 'Benachrichtigungen zustellen, Zustellung nachvollziehen', kept: `${f.sentMessagesDays} Tage nach dem Versand gelöscht; Einstellungen bis zur Löschung des Kontos` },
      { item: 'Änderungsprotokoll (wer hat Gebäude, Pläne, Personen geändert)', purpose: 'Nachvollziehbarkeit der Verwaltung', kept: 'bis zur Löschung durch die Administration' },
      { item: 'Anmeldeversuche je IP-Adresse und Konto (Zähler)', purpose: 'Schutz vor Passwortraten', kept: '1 Tag' },
    ];
  }
  return [
    { item: 'Account: name, e-mail address, roles, groups, home building, language, name sharing', purpose: 'sign-in, permissions, zone booking rules', kept: 'until the account is deleted' },
    { item: 'Password (argon2id hash only) or the link to the identity provider', purpose: 'sign-in', kept: 'until the account is deleted' },
    { item: 'Sessions', purpose: 'staying signed in', kept: `${f.sessionHours} hours, then deleted` },
    { item: 'Bookings: space, time, status, check-in, who booked for whom', purpose: 'booking, check-in, calendars', kept: `names removed ${r} days after the booking ends; space, time and status stay, name-free, for statistics` },
    { item: 'Insight facts: space, day, status and a pseudonym that changes every month (no name)', purpose: 'checking the minimum group size', kept: `pseudonym untraceable once the month is ${r} days past (its key is deleted)` },
    { item: 'Favourites, followed colleagues, absences, assigned desks, waiting list, calendar feed (hash only)', purpose: 'planning working weeks', kept: 'until the person removes them or the account is deleted' },
    { item: 'E-mails to the person: kind, booking, delivery status and time; e-mail preferences', purpose: 'delivering notifications, tracing delivery', kept: `deleted ${f.sentMessagesDays} days after sending; preferences until the account is deleted` },
    { item: 'Audit log (who changed buildings, plans, people)', purpose: 'accountability of administration', kept: 'until deleted by the administration' },
    { item: 'Sign-in attempts per IP address and account (counters)', purpose: 'protection against password guessing', kept: '1 day' },
  ];
}

/** The right of access, said where the sheet lists what is stored. */
export function accessRight(locale: Locale): string {
  return locale === 'de'
    ? 'Jede Person kann alles, was über sie gespeichert ist, jederzeit selbst als JSON-Datei herunterladen: Einstellungen → „Meine Daten herunterladen“ (GET /api/me/export; Auskunft und Datenübertragbarkeit nach Art. 15 und 20 DSGVO). Die Datei enthält keine Passwort- oder Token-Hashes und keine Daten anderer Personen.'
    : 'Every person can download everything stored about them as a JSON file at any time: Settings → "Download my data" (GET /api/me/export; right of access and data portability, GDPR Art. 15 and 20). The file holds no password or token hashes and no other person\'s data.';
}

/** The export's own explanation: what the file is and what is deliberately not in it. */
export function exportAbout(locale: Locale, f: PrivacyFacts): { summary: string; notIncluded: string[] } {
  const r = f.retentionDays;
  if (locale === 'de') {
    return {
      summary:
        'Alles, was Flexdesk über Sie gespeichert hat, zum Zeitpunkt des Abrufs (Auskunft und Datenübertragbarkeit nach Art. 15 und 20 DSGVO). ' +
        `Buchungen erscheinen hier, bis ihr Name ${r} Tage nach ihrem Ende entfernt wird; danach sind sie namenlos und niemandem mehr zuzuordnen. ` +
        'Wie lange jede Art von Daten aufbewahrt wird, steht unter "stored".',
      notIncluded: [
        'Passwort, Kalender-Abo, Sitzungen und Links zum Setzen des Passworts werden nur als Hash gespeichert; Hashes und Geheimnisse stehen nicht in dieser Datei.',
        'Daten anderer Personen: Wo jemand anderes für Sie gebucht oder etwas an Ihrem Konto geändert hat, steht nur, dass es nicht Sie waren ("byYou": false, "madeByYou": false); wem Sie folgen, nur mit Namen, solange die Person ihn zeigt; wer Ihnen folgt, nur als Anzahl.',
        `Auswertungsdaten (Platz, Tag, Status) sind namenlos: Sie tragen statt eines Namens ein Pseudonym, das jeden Monat wechselt und dessen Schlüssel ${r} Tage nach Monatsende gelöscht wird. Bis dahin sind sie pseudonymisierte personenbezogene Daten, danach anonym. Sie enthalten nichts, was nicht bei Ihren Buchungen in dieser Datei steht (Platz, Tag, Status), und Flexdesk ordnet sie nie einer Person zu; deshalb stehen sie nicht noch einmal hier. Auswertungen zeigen nie weniger als ${f.minGroup} Personen.`,
      ],
    };
  }
  return {
    summary:
      'Everything Flexdesk has stored about you at the time of download (right of access and data portability, GDPR Art. 15 and 20). ' +
      `Bookings appear here until their names are removed ${r} days after they end; after that they are name-free and nobody's. ` +
      'How long each kind of data is kept is listed under "stored".',
    notIncluded: [
      'Your password, calendar feed, sessions and set-password links are stored as hashes only; no hash or secret is in this file.',
      'Other people\'s data: where someone else booked for you or changed your account, the file says only that it was not you ("byYou": false, "madeByYou": false); colleagues you follow appear with their name only while they show it; who follows you, only as a count.',
      `Insight facts (space, day, status) are name-free: instead of a name they carry a pseudonym that changes every month, whose key is deleted ${r} days after the month ends. Until then they are pseudonymised personal data, after that anonymous. They hold nothing that your bookings in this file do not show (space, day, status), and Flexdesk never ties them to a person, so they are not repeated here. Reports never show fewer than ${f.minGroup} people.`,
    ],
  };
}

export function nameVisibility(locale: Locale): { who: string; sees: string }[] {
  return locale === 'de'
    ? [
        { who: 'Kolleginnen und Kollegen', sees: 'Namen nur von Personen, die das in ihren Einstellungen freigeben (aus voreingestellt)' },
        { who: 'Empfang', sees: 'Namen in den Gebäuden, die die Administration zuweist (Tagesliste, Plan, CSV)' },
        { who: 'Facility-Management', sees: 'keine Namen in Auswertungen; Namen nur beim Buchen für andere' },
        { who: 'Administration', sees: 'Personenverwaltung; alle Rollen' },
      ]
    : [
        { who: 'Colleagues', sees: 'names only of people who allow it in their settings (off by default)' },
        { who: 'Reception', sees: 'names in the buildings an administrator assigns (day list, plan, CSV)' },
        { who: 'Facility management', sees: 'no names in reports; names only when booking for others' },
        { who: 'Administrators', sees: 'people administration; every role' },
      ];
}

export function reports(locale: Locale, minGroup: number): { name: string; audience: string; minGroupSize: number }[] {
  const de = locale === 'de';
  const audience = de ? 'Facility-Management, Administration' : 'Facility management, administrators';
  return [
    { name: de ? 'Auslastung (gebucht, eingecheckt, No-Shows, Stornierungen, Vorlauf) nach Gebäude, Etage, Bereich, Art' : 'Utilisation (booked, checked in, no-shows, cancellations, lead time) by building, floor, zone, kind', audience, minGroupSize: minGroup },
    { name: de ? 'Wochentag × Tageshälfte, Wochentrend, Spitzenbelegung und Bedarfsrechnung' : 'Weekday × half day, weekly trend, peak occupancy and right-sizing', audience, minGroupSize: minGroup },
    { name: de ? 'Heatmap je Platz (nur ganze Kalendermonate)' : 'Heatmap per space (whole calendar months only)', audience, minGroupSize: minGroup },
    { name: de ? 'Belegung des Tages (Summen je Etage und Art)' : "The day's occupancy (totals per floor and kind)", audience: de ? 'Empfang, Administration' : 'Reception, administrators', minGroupSize: 1 },
  ];
}

export interface NotificationFacts {
  /** An SMTP server is configured: e-mails leave. */
  email: boolean;
  /** Active webhook endpoints and the event types they receive. */
  webhooks: { endpoints: number; eventTypes: string[] };
}

export function notifications(locale: Locale, facts: NotificationFacts): { name: string; enabled: boolean; detail: string }[] {
  const de = locale === 'de';
  const { endpoints, eventTypes } = facts.webhooks;
  return [
    { name: de ? 'Live-Aktualisierung des Plans' : 'Live plan updates', enabled: true, detail: de ? 'meldet, welcher Platz sich geändert hat, nie wer' : 'says which space changed, never who' },
    { name: de ? 'Kalendereinladung (.ics) und Kalender-Abo' : 'Calendar invite (.ics) and feed', enabled: true, detail: de ? 'nur auf Abruf der Person selbst' : "only when the person fetches it" },
    {
      name: de ? 'E-Mail-Benachrichtigungen' : 'E-mail notifications',
      enabled: facts.email,
      detail: facts.email
        ? de
          ? 'an die Person selbst: Bestätigungen mit Kalendereinladung, Absagen, Erinnerungen; jede Art in den Einstellungen abschaltbar, mit Abmeldelink in jeder E-Mail'
          : 'to the person only: confirmations with calendar invites, cancellations, reminders; each kind can be switched off in the settings, with an unsubscribe link in every mail'
        : de
          ? 'kein Mailserver eingerichtet: es werden keine E-Mails versandt'
          : 'no mail server configured: no e-mail is sent',
    },
    {
      name: 'Webhooks',
      enabled: endpoints > 0,
      detail: endpoints
        ? de
          ? `${endpoints} Empfänger für ${eventTypes.join(', ')}; übermittelt werden Kennungen und Zeiten, keine Namen`
          : `${endpoints} endpoint(s) for ${eventTypes.join(', ')}; they receive ids and times, never names`
        : de
          ? 'keine Empfänger eingerichtet'
          : 'no endpoints registered',
    },
  ];
}
