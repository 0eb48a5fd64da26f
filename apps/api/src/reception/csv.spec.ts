import { toCsv } from './csv';

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
