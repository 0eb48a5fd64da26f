import { hashPassword, legacyScryptHash, needsRehash, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id and verifies the right password only', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horse!', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
  });

  it('still verifies the scrypt hashes stored before, and asks for them to be replaced', async () => {
    const legacy = await legacyScryptHash('correct horse');
    expect(legacy).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse', legacy)).toBe(true);
    expect(await verifyPassword('wrong horse', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it('asks to replace weaker argon2 parameters', () => {
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe(true);
    expect(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe(true);
  });

  it('refuses accounts without a usable hash', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '$argon2id$broken')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$2$3')).toBe(false);
  });
});
