import { forgetOfflineData } from './offline-data';

class FakeCaches {
  constructor(readonly names: string[]) {}
  keys = async () => [...this.names];
  delete = async (name: string) => {
    const i = this.names.indexOf(name);
    if (i >= 0) this.names.splice(i, 1);
    return i >= 0;
  };
}

describe('forgetOfflineData', () => {
  it("deletes the service worker's data caches and keeps the app's files and other caches", async () => {
    const caches = new FakeCaches([
      'ngsw:/:db:control',
      'ngsw:/:1a2b:assets:app:cache',
      'ngsw:/:1a2b:data:dynamic:mine-offline:cache',
      'ngsw:/:1a2b:data:dynamic:mine-offline:lru',
      'someone-elses-cache',
    ]);
    await forgetOfflineData(caches as unknown as CacheStorage);
    expect(caches.names).toEqual(['ngsw:/:db:control', 'ngsw:/:1a2b:assets:app:cache', 'someone-elses-cache']);
  });

  it('does nothing where the browser has no cache storage', async () => {
    await expect(forgetOfflineData(undefined)).resolves.toBeUndefined();
  });
});
