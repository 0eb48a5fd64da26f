import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ROLES, type PasswordLink, type PersonAdminView, type Role } from '@flexdesk/shared-contracts';
import { I18n } from '@flexdesk/client-data-access';
import { Confirmation, InlineAlert, Notifier } from '@flexdesk/client-ui';
import { LinkBox } from './link-box';
import type { PeopleStore } from './people.store';

export interface PersonDialogData {
  /** The person edited, or null to invite someone new. */
  person: PersonAdminView | null;
  store: PeopleStore;
}

/** Invite a person, or change one: name, e-mail, roles, groups, home building, access. */
@Component({
  selector: 'fd-person-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    InlineAlert,
    LinkBox,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../admin-forms.css',
  templateUrl: './person-dialog.html',
})
export class PersonDialog {
  protected readonly i18n = inject(I18n);
  protected readonly data = inject<PersonDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<PersonDialog>>(MatDialogRef);
  private readonly notifier = inject(Notifier);
  private readonly confirmation = inject(Confirmation);

  protected readonly roles = ROLES;
  protected readonly person = signal<PersonAdminView | null>(this.data.person);
  protected readonly link = signal<{ label: string; link: PasswordLink } | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly submitted = signal(false);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    displayName: [this.data.person?.displayName ?? '', [Validators.required, Validators.maxLength(200)]],
    email: [this.data.person?.email ?? '', [Validators.required, Validators.email, Validators.maxLength(320)]],
    roles: [this.data.person?.roles ?? (['employee'] as Role[]), Validators.required],
    groupIds: [this.data.person?.groupIds ?? []],
    homeBuildingId: [this.data.person?.homeBuildingId ?? (null as string | null)],
  });

  protected roleKey(role: Role) {
    return `people.role.${role}` as const;
  }

  protected hasRole(role: Role): boolean {
    return this.form.controls.roles.value.includes(role);
  }

  protected toggleRole(role: Role, on: boolean): void {
    const current = this.form.controls.roles.value;
    this.form.controls.roles.setValue(
      on ? ROLES.filter((r) => r === role || current.includes(r)) : current.filter((r) => r !== role),
    );
  }

  protected async save(): Promise<void> {
    this.submitted.set(true);
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    const input = { ...value, displayName: value.displayName.trim(), email: value.email.trim() };
    await this.run(async () => {
      const person = this.person();
      if (person) {
        this.person.set(await this.data.store.update(person.id, input));
        this.notifier.success(this.i18n.t('people.saved', { name: input.displayName }));
        this.ref.close();
      } else {
        const created = await this.data.store.create(input);
        this.person.set(created.person);
        this.link.set({ label: this.i18n.t('people.inviteLink'), link: created.setPassword });
        this.notifier.success(this.i18n.t('people.invited', { name: created.person.displayName }));
      }
    });
  }

  protected async resetPassword(): Promise<void> {
    const person = this.person();
    if (!person) return;
    await this.run(async () => {
      const link = await this.data.store.resetPassword(person.id);
      this.link.set({ label: this.i18n.t('people.resetLink'), link });
    });
  }

  protected async deactivate(): Promise<void> {
    const person = this.person();
    if (!person) return;
    const confirmed = await this.confirmation.ask({
      title: this.i18n.t('people.deactivateTitle', { name: person.displayName }),
      message: this.i18n.t('people.deactivateText'),
      confirmLabel: this.i18n.t('people.deactivate'),
      cancelLabel: this.i18n.t('common.cancel'),
      danger: true,
      action: async () => {
        const result = await this.data.store.deactivate(person.id);
        this.person.set(result.person);
        this.notifier.success(
          this.i18n.t('people.deactivated', { name: person.displayName, bookings: result.cancelledBookings }),
        );
      },
      errorMessage: (e) => this.i18n.errorMessage(e),
    });
    if (confirmed) this.ref.close();
  }

  protected async reactivate(): Promise<void> {
    const person = this.person();
    if (!person) return;
    await this.run(async () => {
      this.person.set(await this.data.store.reactivate(person.id));
      this.notifier.success(this.i18n.t('people.reactivated', { name: person.displayName }));
    });
  }

  private async run(command: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await command();
    } catch (e) {
      this.error.set(this.i18n.errorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
