import { initialsOf } from './people';

describe('initialsOf', () => {
  it('takes the first and last word', () => {
    expect(initialsOf('Anna Maria Schmidt')).toBe('AS');
    expect(initialsOf('jonas müller')).toBe('JM');
  });

  it('reads "Last, First" the other way round', () => {
    expect(initialsOf('Müller, Jonas')).toBe('JM');
  });

  it('copes with one word, hyphens, umlauts and nothing', () => {
    expect(initialsOf('Cher')).toBe('C');
    expect(initialsOf('Hans-Peter')).toBe('HP');
    expect(initialsOf('Özil Ümit')).toBe('ÖÜ');
    expect(initialsOf('   ')).toBe('?');
  });
});
