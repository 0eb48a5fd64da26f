/**
 * Which building, floor or day a page opens on: the first candidate that is one of `ids` (the
 * current choice, then what was remembered, then the person's defaults), else the first id.
 */
export function firstKnown(ids: readonly string[], ...candidates: (string | null | undefined)[]): string | null {
  return candidates.find((c): c is string => !!c && ids.includes(c)) ?? ids[0] ?? null;
}
