import type { SpaceKind } from '@flexdesk/shared-contracts';

/**
 * Adds one space's outline to the current canvas path, from its rotated corners (x0 y0 … x3 y3).
 * Parking gets rounded corners, which sets it apart from desks without relying on colour. Shared by
 * the viewer and the editor, so a space looks the same in both.
 */
export function traceSpace(
  ctx: CanvasRenderingContext2D,
  corners: readonly number[],
  space: { kind: SpaceKind; width: number; height: number },
): void {
  const c = corners;
  if (space.kind === 'parking') {
    const radius = Math.min(space.width, space.height) * 0.2;
    ctx.moveTo((c[0] + c[2]) / 2, (c[1] + c[3]) / 2);
    ctx.arcTo(c[2], c[3], c[4], c[5], radius);
    ctx.arcTo(c[4], c[5], c[6], c[7], radius);
    ctx.arcTo(c[6], c[7], c[0], c[1], radius);
    ctx.arcTo(c[0], c[1], c[2], c[3], radius);
  } else {
    ctx.moveTo(c[0], c[1]);
    ctx.lineTo(c[2], c[3]);
    ctx.lineTo(c[4], c[5]);
    ctx.lineTo(c[6], c[7]);
  }
  ctx.closePath();
}
