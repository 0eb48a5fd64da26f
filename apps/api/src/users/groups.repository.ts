import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GroupSummary } from '@flexdesk/shared-contracts';

// The database's collation differs between PGlite (C) and a server (often en_US); people read German.
const BY_NAME = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

@Injectable()
export class GroupsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** All groups, sorted by name as people read it (umlauts beside their vowels, numbers by value). */
  async list(): Promise<GroupSummary[]> {
    const rows: GroupSummary[] = await this.dataSource.query(`SELECT id, name FROM groups`);
    return rows.sort((a, b) => BY_NAME.compare(a.name, b.name) || a.id.localeCompare(b.id));
  }
}
