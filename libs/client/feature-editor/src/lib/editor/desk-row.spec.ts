import { DEFAULT_DESK_ROW, type DeskRowSpec, deskRow, deskRowProblems } from './desk-row';

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('deskRow', () => {
  const spec: DeskRowSpec = { ...DEFAULT_DESK_ROW, prefix: '2.', startNumber: 1, count: 3, x: 10, y: 20, gap: 5 };

  it('numbers desks from the start number with the prefix', () => {
    expect(deskRow(spec, ids()).map((d) => d.label)).toEqual(['2.1', '2.2', '2.3']);
  });

  it('counts in steps, also backwards', () => {
    expect(deskRow({ ...spec, startNumber: 10, step: 2 }, ids()).map((d) => d.label)).toEqual(['2.10', '2.12', '2.14']);
    expect(deskRow({ ...spec, startNumber: 3, step: -1 }, ids()).map((d) => d.label)).toEqual(['2.3', '2.2', '2.1']);
  });

  it('lays a horizontal row out left to right with the gap between desks', () => {
    const row = deskRow(spec, ids());
    expect(row.map((d) => [d.x, d.y])).toEqual([
      [10, 20],
      [175, 20],
      [340, 20],
    ]);
    expect(row.every((d) => d.width === 160 && d.height === 80)).toBe(true);
  });

  it('lays a vertical row out top to bottom, advancing by the height', () => {
    const row = deskRow({ ...spec, direction: 'vertical', width: 50, height: 30 }, ids());
    expect(row.map((d) => [d.x, d.y])).toEqual([
      [10, 20],
      [10, 55],
      [10, 90],
    ]);
  });

  it('makes a block of rows, numbered on from row to row, the next row beside the first', () => {
    const block = deskRow({ ...spec, rows: 2, rowGap: 10 }, ids());
    expect(block.map((d) => d.label)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6']);
    expect(block.map((d) => [d.x, d.y])).toEqual([
      [10, 20],
      [175, 20],
      [340, 20],
      [10, 110],
      [175, 110],
      [340, 110],
    ]);
    const vertical = deskRow({ ...spec, rows: 2, direction: 'vertical', width: 50, height: 30 }, ids());
    expect(vertical.slice(3).map((d) => [d.x, d.y])).toEqual([
      [60, 20],
      [60, 55],
      [60, 90],
    ]);
  });

  it('makes bookable desks with fresh ids in the given zone', () => {
    const row = deskRow({ ...spec, zoneId: 'z1' }, ids());
    expect(row.map((d) => d.id)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(row[0]).toMatchObject({
      kind: 'desk',
      zoneId: 'z1',
      rotation: 0,
      bookable: true,
      capacity: null,
      attributes: [],
      restrictedToGroupIds: [],
    });
  });

  it('uses random UUIDs by default', () => {
    const [a, b] = deskRow({ ...spec, count: 2 });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.id).not.toBe(b.id);
  });

  it('reports a form that cannot make a row', () => {
    expect(deskRowProblems(spec)).toEqual([]);
    expect(deskRowProblems({ ...spec, count: 0 })).toEqual(['count']);
    expect(deskRowProblems({ ...spec, count: 501 })).toEqual(['count']);
    expect(deskRowProblems({ ...spec, count: 2.5 })).toEqual(['count']);
    expect(deskRowProblems({ ...spec, rows: 0 })).toEqual(['rows']);
    expect(deskRowProblems({ ...spec, count: 100, rows: 6 })).toEqual(['rows']);
    expect(deskRowProblems({ ...spec, rowGap: -1 })).toEqual(['gap']);
    expect(deskRowProblems({ ...spec, width: 0 })).toEqual(['size']);
    expect(deskRowProblems({ ...spec, height: Number.NaN })).toEqual(['size']);
    expect(deskRowProblems({ ...spec, gap: -1 })).toEqual(['gap']);
    expect(deskRowProblems({ ...spec, step: 0.5 })).toEqual(['step']);
  });
});
