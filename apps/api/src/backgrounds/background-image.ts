import { crc32 } from 'node:zlib';
import type { BackgroundContentType } from '@flexdesk/shared-contracts';
import type { SvgSanitiser } from './svg-sanitiser';

/** What an upload turned out to be, by its content alone (never by its name or declared type). */
export type Inspection =
  | { ok: true; contentType: BackgroundContentType; width: number | null; height: number | null; bytes: Buffer }
  | { ok: false; reason: 'unsupported' | 'invalid'; message: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_DIMENSION = 2 ** 31 - 1;

const invalid = (message: string): Inspection => ({ ok: false, reason: 'invalid', message });

export async function inspectBackground(bytes: Buffer, svg: Pick<SvgSanitiser, 'sanitise'>): Promise<Inspection> {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return inspectPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return inspectJpeg(bytes);
  const text = svgText(bytes);
  if (text !== null) {
    const result = await svg.sanitise(text);
    if (!result.ok) return invalid(result.message);
    return {
      ok: true,
      contentType: 'image/svg+xml',
      width: result.width,
      height: result.height,
      bytes: Buffer.from(result.svg, 'utf8'),
    };
  }
  return { ok: false, reason: 'unsupported', message: 'only PNG, JPEG and SVG images are accepted' };
}

/**
 * The text of an upload that claims to be an SVG document: UTF-8 whose first element, after the
 * XML declaration, comments and DOCTYPE, is `<svg>` (with or without a prefix). Anything else is
 * not an SVG at all (unsupported), while such a document that then fails to parse is invalid.
 */
export function svgText(bytes: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  const prolog = /^(?:\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*/i;
  const rest = text.slice(prolog.exec(text)?.[0].length ?? 0);
  return /^<(?:[\w.-]+:)?svg[\s/>]/.test(rest) ? text : null;
}

/** Walks the chunks (lengths and CRCs), so a truncated or damaged file is refused. */
function inspectPng(bytes: Buffer): Inspection {
  let offset = 8;
  let width = 0;
  let height = 0;
  let seenData = false;
  let first = true;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return invalid('PNG chunk runs past the end of the file');
    const crc = bytes.readUInt32BE(offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== crc) return invalid(`PNG chunk ${type} is damaged`);
    if (first) {
      if (type !== 'IHDR' || length !== 13) return invalid('PNG does not start with its header');
      width = bytes.readUInt32BE(offset + 8);
      height = bytes.readUInt32BE(offset + 12);
      first = false;
    }
    if (type === 'IDAT') seenData = true;
    if (type === 'IEND') {
      if (!seenData) return invalid('PNG has no image data');
      if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION)
        return invalid('PNG has an impossible size');
      return { ok: true, contentType: 'image/png', width, height, bytes };
    }
    offset = end;
  }
  return invalid('PNG is truncated');
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the marker segments up to the first scan; the frame header before it gives the size. */
function inspectJpeg(bytes: Buffer): Inspection {
  let offset = 2;
  let size: { width: number; height: number } | null = null;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return invalid('JPEG segment structure is damaged');
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return invalid('JPEG segment runs past the end of the file');
    if (SOF.has(marker)) {
      if (length < 8) return invalid('JPEG frame header is too short');
      size = { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    if (marker === 0xda) {
      if (!size || size.width < 1 || size.height < 1) return invalid('JPEG has no usable frame header');
      return { ok: true, contentType: 'image/jpeg', ...size, bytes };
    }
    if (marker === 0xd9) break;
    offset += 2 + length;
  }
  return invalid('JPEG is truncated');
}
