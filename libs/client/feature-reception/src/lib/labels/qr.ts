import qrcode from 'qrcode-generator';

/** A QR code as one SVG path: `size` modules square, plus the quiet zone scanners need around it. */
export interface QrSvg {
  /** Width and height of the viewBox in modules, quiet zone included. */
  viewBox: number;
  /** The dark modules, as horizontal runs (`M x y h n v 1 h -n z`), already offset by the quiet zone. */
  path: string;
  moduleCount: number;
}

/** Four modules of white around the code: the QR specification's quiet zone. */
export const QUIET_ZONE = 4;

/**
 * Encodes `text` (byte mode, UTF-8, error correction level M: a label may get scratched) and
 * draws it as vector shapes, so printing stays sharp at any size and no markup is injected.
 */
export function qrSvg(text: string): QrSvg {
  const qr = qrcode(0, 'M');
  // The library takes one byte per character: hand it the UTF-8 bytes as such characters.
  qr.addData(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const runs: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.isDark(row, col)) col++;
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { viewBox: n + 2 * QUIET_ZONE, path: runs.join(''), moduleCount: n };
}
