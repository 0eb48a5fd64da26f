import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  type CreatePersonRequest,
  type CreatedPerson,
  type DeactivationResult,
  type GroupAdminView,
  type PasswordLink,
  type PeopleImportResult,
  type PeoplePage,
  type PeopleQuery,
  type PersonAdminView,
  type UpdatePersonRequest,
} from '@flexdesk/shared-contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';
import { queryParams } from './audit.api';

/** People administration (admins); every change is audited by the API. */
@Injectable({ providedIn: 'root' })
export class PeopleAdminApi {
  private readonly http = inject(HttpClient);

  /** Pages by the opaque `next` cursor of the previous answer. */
  list(query: PeopleQuery): Observable<PeoplePage> {
    return this.http.get<PeoplePage>(apiUrl(API_ROUTES.adminPeople), { params: queryParams(query) });
  }

  get(id: string): Observable<PersonAdminView> {
    return this.http.get<PersonAdminView>(apiUrl(API_ROUTES.adminPeople, id));
  }

  /** A local account and its one-time invitation link (7 days) to pass on. */
  create(input: CreatePersonRequest): Observable<CreatedPerson> {
    return this.http.post<CreatedPerson>(apiUrl(API_ROUTES.adminPeople), input);
  }

  update(id: string, input: UpdatePersonRequest): Observable<PersonAdminView> {
    return this.http.patch<PersonAdminView>(apiUrl(API_ROUTES.adminPeople, id), input);
  }

  /** A new set-password link; earlier ones stop working. */
  resetPassword(id: string): Observable<PasswordLink> {
    return this.http.post<PasswordLink>(apiUrl(API_ROUTES.adminPeople, id, 'password-reset'), null);
  }

  /** Sessions end, the calendar feed stops, future bookings are cancelled. */
  deactivate(id: string): Observable<DeactivationResult> {
    return this.http.post<DeactivationResult>(apiUrl(API_ROUTES.adminPeople, id, 'deactivate'), null);
  }

  reactivate(id: string): Observable<PersonAdminView> {
    return this.http.post<PersonAdminView>(apiUrl(API_ROUTES.adminPeople, id, 'reactivate'), null);
  }

  /** `email;name;groups;roles`; a dry run only reports what each row would do. */
  import(file: File, dryRun: boolean): Observable<PeopleImportResult> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<PeopleImportResult>(apiUrl(API_ROUTES.adminPeople, 'import'), form, {
      params: { dryRun: String(dryRun) },
    });
  }

  /** Where the browser downloads everyone as CSV (same columns as the import). */
  exportUrl(): string {
    return apiUrl(API_ROUTES.adminPeople, 'export.csv');
  }

  groups(): Observable<GroupAdminView[]> {
    return this.http.get<GroupAdminView[]>(apiUrl(API_ROUTES.adminGroups));
  }

  createGroup(name: string): Observable<GroupAdminView> {
    return this.http.post<GroupAdminView>(apiUrl(API_ROUTES.adminGroups), { name });
  }

  renameGroup(id: string, name: string): Observable<GroupAdminView> {
    return this.http.put<GroupAdminView>(apiUrl(API_ROUTES.adminGroups, id), { name });
  }

  /** Zones and spaces restricted to the group lose that restriction. */
  deleteGroup(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(API_ROUTES.adminGroups, id));
  }

  setMember(groupId: string, userId: string, member: boolean): Observable<GroupAdminView> {
    const url = apiUrl(API_ROUTES.adminGroups, groupId, 'members', userId);
    return member ? this.http.put<GroupAdminView>(url, null) : this.http.delete<GroupAdminView>(url);
  }
}
