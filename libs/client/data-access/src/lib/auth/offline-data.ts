/**
 * Forgets the API answers the service worker kept for offline reading (its data caches; the app's
 * own files stay), so the next person on a shared device never sees the last one's bookings, even
 * offline. Caches are per origin; the names are Angular's (`ngsw:<scope>:<version>:data:...`).
 */
export async function forgetOfflineData(caches: CacheStorage | undefined = globalThis.caches): Promise<void> {
  if (!caches) return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith('ngsw:') && name.includes(':data:')).map((name) => caches.delete(name)));
}
