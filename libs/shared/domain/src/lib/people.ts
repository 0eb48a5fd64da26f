/**
 * Up to two initials for a display name ("Anna Schmidt" → "AS", "Müller, Jonas" → "JM",
 * "Cher" → "C"), for the plan's small desk markers.
 */
export function initialsOf(displayName: string): string {
  const name = displayName.includes(',') ? displayName.split(',').reverse().join(' ') : displayName;
  const words = name.trim().split(/[\s-]+/u).filter(Boolean);
  if (!words.length) return '?';
  const picked = words.length === 1 ? [words[0]] : [words[0], words[words.length - 1]];
  return picked.map((w) => Array.from(w)[0].toLocaleUpperCase('de')).join('');
}
