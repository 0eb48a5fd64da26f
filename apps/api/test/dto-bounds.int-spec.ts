import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import * as audit from '../src/audit/audit.dto';
import * as auth from '../src/auth/auth.dto';
import * as bookings from '../src/bookings/bookings.dto';
import * as buildings from '../src/buildings/buildings.dto';
import * as events from '../src/events/events.dto';
import * as floors from '../src/floors/floors.dto';
import * as reception from '../src/reception/reception-assignments.dto';
import * as users from '../src/users/users.dto';
import * as dateQuery from '../src/common/date-query.dto';

/**
 * Every number a request can carry is bounded on both sides (issue #15: `draftVersion` 1e308 and
 * `before` beyond bigint reached the database), and every string has a maximum length. It lives
 * under test/ because it reads every feature's DTOs, which no infrastructure folder may import. A new
 * DTO module must be listed here; a new field without bounds fails.
 */
const MODULES = { audit, auth, bookings, buildings, events, floors, reception, users, dateQuery };

const NUMERIC = new Set(['isInt', 'isNumber']);

type Dto = abstract new (...args: never[]) => unknown;

function dtoClasses(): [string, Dto][] {
  return Object.entries(MODULES).flatMap(([module, exports]) =>
    Object.entries(exports as Record<string, unknown>)
      .filter((e): e is [string, Dto] => typeof e[1] === 'function')
      .map(([name, cls]) => [`${module}.${name}`, cls] as [string, Dto]),
  );
}

function byProperty(metas: ValidationMetadata[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const m of metas) {
    const names = map.get(m.propertyName) ?? new Set<string>();
    names.add(m.name ?? m.type);
    map.set(m.propertyName, names);
  }
  return map;
}

describe('DTO bounds', () => {
  const storage = getMetadataStorage();
  const classes = dtoClasses();

  it('finds the DTO classes', () => {
    expect(classes.length).toBeGreaterThan(15);
  });

  it.each(classes)('%s bounds every number on both sides and every free string in length', (_, cls) => {
    const props = byProperty(storage.getTargetValidationMetadatas(cls as new () => unknown, '', true, false));
    const unbounded: string[] = [];
    for (const [prop, rules] of props) {
      if ([...rules].some((r) => NUMERIC.has(r)) && !(rules.has('min') && rules.has('max'))) {
        unbounded.push(`${prop}: number without @Min and @Max`);
      }
      const freeString = rules.has('isString') && !rules.has('isIn') && !rules.has('matches');
      if (freeString && !rules.has('maxLength')) unbounded.push(`${prop}: string without @MaxLength`);
      if (rules.has('nestedValidation') && !rules.has('isObject')) unbounded.push(`${prop}: nested without @IsObject (use @NestedList)`);
      if (rules.has('isArray') && !rules.has('arrayMaxSize')) unbounded.push(`${prop}: list without @ArrayMaxSize`);
    }
    expect(unbounded).toEqual([]);
  });
});
