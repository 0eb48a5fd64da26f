import { createHash } from 'node:crypto';
import type { Point } from '@flexdesk/shared-contracts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const points = (polygon: Point[]) => polygon.map((p) => `${p.x},${p.y}`).join(' ');

/**
 * A simple architectural outline for a demo floor: outer walls, meeting rooms as walled boxes with a
 * door gap, and the team areas as light dashed lines. Drawn in plan units, so it lines up with the
 * spaces when the plan stretches it over its width and height.
 */
export function floorOutlineSvg(width: number, height: number, zones: Point[][], rooms: Box[]): string {
  const wall = 'fill="none" stroke="#5f6368" stroke-width="8" stroke-linejoin="round"';
  const parts = [
    `<rect width="${width}" height="${height}" fill="#fbfbf8"/>`,
    `<rect x="12" y="12" width="${width - 24}" height="${height - 24}" ${wall}/>`,
    ...zones.map(
      (z) => `<polygon points="${points(z)}" fill="none" stroke="#b0b4ba" stroke-width="2" stroke-dasharray="10 6"/>`,
    ),
    ...rooms.map((r) => {
      const x = r.x - 10;
      const y = r.y - 10;
      const w = r.width + 20;
      const h = r.height + 20;
      const door = Math.round(Math.min(50, w / 3));
      // Three walls and the fourth with a door gap in the middle.
      return (
        `<path d="M${x + (w - door) / 2} ${y + h} L${x} ${y + h} L${x} ${y} L${x + w} ${y} L${x + w} ${y + h} ` +
        `L${x + (w + door) / 2} ${y + h}" fill="none" stroke="#5f6368" stroke-width="5"/>`
      );
    }),
  ];
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `${parts.join('')}</svg>`
  );
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
