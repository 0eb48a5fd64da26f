import { parseCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a BOM, quotes what needs it and keeps umlauts', () => {
    const csv = toCsv(
      [
        ['Name', 'Platz'],
        ['Jürgen "Jo" Schäfer', '0.12; Fenster'],
        ['Zeile\nzwei', 'ß'],
      ],
      ';',
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe(
      'Name;Platz\r\n"Jürgen ""Jo"" Schäfer";"0.12; Fenster"\r\n"Zeile\ntwo"'.replace('two', 'zwei') + ';ß\r\n',
    );
  });

  it('defuses cells a spreadsheet would evaluate', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@a', 'ok']], ',')).toBe(
      '\uFEFF"\'=HYPERLINK(""x"")",\'+1,\'-2,\'@a,ok\r\n',
    );
  });
});

describe('parseCsv', () => {
  it('reads what toCsv writes, quotes, separators and line breaks included', () => {
    const rows = [
      ['email', 'name'],
      ['a@example.com', 'Jürgen "Jo" Schäfer'],
      ['b@example.com', 'Zeile\nzwei; drei'],
    ];
    expect(parseCsv(toCsv(rows, ';'), ';')?.map((r) => r.cells)).toEqual(rows);
  });

  it('numbers rows by the line they start on and skips empty lines', () => {
    expect(parseCsv('a,b\n\n"x\ny",z\r\nlast,1', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['x\ny', 'z'] },
      { line: 5, cells: ['last', '1'] },
    ]);
  });

  it('refuses an unclosed quote', () => {
    expect(parseCsv('a;"b\nc', ';')).toBeNull();
  });
});
