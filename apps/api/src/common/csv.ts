/**
 * CSV for spreadsheet programs: a UTF-8 byte-order mark (Excel otherwise misreads umlauts), RFC 4180
 * quoting, CRLF line ends, and cells that a spreadsheet would run as a formula defused with a quote.
 */
export function toCsv(rows: string[][], separator: ',' | ';'): string {
  const cell = (raw: string) => {
    const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(separator)).join('\r\n')}\r\n`;
}

/**
 * Reads CSV as spreadsheet programs write it (RFC 4180: quoted cells with doubled quotes and line
 * breaks; CRLF or LF), without a byte-order mark. Returns null for text that cannot be CSV (an
 * unclosed quote). Empty lines are dropped; each row keeps the number of its first line.
 */
export function parseCsv(text: string, separator: string): { line: number; cells: string[] }[] | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    rowLine = line;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      line++;
      endRow();
    } else cell += c;
  }
  if (quoted) return null;
  if (cell !== '' || cells.length) endRow();
  return rows;
}
