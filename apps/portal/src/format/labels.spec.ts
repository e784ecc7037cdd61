import { faseLabel, taakLabel } from './labels';

describe('labels for people', () => {
  it('names phases and tasks, and turns an unknown code into a readable phrase', () => {
    expect(faseLabel('contact-leggen')).toBe('Contact leggen');
    expect(taakLabel('t1-meting')).toBe('Eindmeting (T1) afnemen');
    expect(taakLabel('iets-nieuws')).toBe('Iets nieuws');
  });
});
