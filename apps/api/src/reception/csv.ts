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
