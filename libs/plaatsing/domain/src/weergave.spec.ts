import { werkgeversweergave } from './weergave';

const profiel = {
  roepnaam: 'Sam',
  telefoon: '0612345678',
  werkervaring: ['magazijn', 'productie'],
  beperkingen: { belastbaarheidUren: 24, aanpassingenWerkplek: ['rustige werkplek'] },
};

describe('werkgeversweergave', () => {
  it('shows limitations only when the consent decision released them', () => {
    expect(werkgeversweergave(profiel, ['contact', 'werkervaring-cv', 'beperkingen-werk'])).toEqual(profiel);
  });

  it('has no limitations key at all when they were refused', () => {
    const zonder = werkgeversweergave(profiel, ['contact', 'werkervaring-cv']);
    expect(zonder).toEqual({ roepnaam: 'Sam', telefoon: '0612345678', werkervaring: ['magazijn', 'productie'] });
    expect('beperkingen' in zonder).toBe(false);
  });

  it('shows nothing of a category that was not released', () => {
    expect(werkgeversweergave(profiel, [])).toEqual({});
  });
});
