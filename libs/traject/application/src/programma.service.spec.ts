import { isDomainError } from '@ketenregie/shared-kernel';
import { Toegang, vastOrganisatieRegister } from '@ketenregie/shared-platform';
import type { ProgrammaAanmaken } from '@ketenregie/traject-contracts';
import { amsterdamDate } from '@ketenregie/shared-kernel';
import { PROGRAMMA_CATALOGUS } from '@ketenregie/traject-domain';
import { ProgrammaService } from './programma.service';
import { GeheugenProgrammaOpslag } from './testing/programma-opslag.fake';

const KM = { sub: 'km-1', organisatie: 'gem', rol: 'klantmanager' } as const;
const COACH = { sub: 'c1', organisatie: 'uv', rol: 'coach' } as const;
const REGISTER = vastOrganisatieRegister({ gem: 'gemeente', uv: 'uitvoerder' });

/** A programme as a klantmanager would submit it: only what differs from the partnership defaults. */
export const EIGEN_AANPAK: ProgrammaAanmaken = {
  code: 'eigen-aanpak',
  naam: 'Eigen aanpak',
  doelgroep: { loonwaarde: [0, 30] },
  fasen: ['aanmelding', 'contact-leggen', 'kennismaking', 'diagnose', 'uitvoering', 'afgesloten'],
  faseTermijnWerkdagen: { kennismaking: 20, diagnose: 10 },
  contact: { maxIntervalWerkdagen: 10, sessieMinuten: 60 },
  evaluatie: { intervalMaanden: 3, t1NaMaanden: 6, aankondigingWerkdagen: 10 },
  duur: { typischMaanden: 12, maxMaanden: 12, verlenging: { maanden: 3, maxAantal: 1 } },
  casuistiekoverleg: { elkeWeken: 3, partners: ['ggz', 'schuldhulp'] },
  instrumenten: {
    ladderVersie: 'participatieladder-6',
    ladderSubtreden: false,
    zrmVersie: 'zrm-2017',
    gasVersie: 'gas-5',
    verplichtBijMeting: ['participatieladder'],
  },
};

async function fout(p: Promise<unknown>): Promise<{ code?: string; fields?: Record<string, string> }> {
  try {
    await p;
    return {};
  } catch (e) {
    return isDomainError(e) ? { code: e.code, fields: e.fields } : { code: 'geen-domeinfout' };
  }
}

describe('ProgrammaService', () => {
  const nieuw = () => {
    const opslag = new GeheugenProgrammaOpslag();
    return { opslag, service: new ProgrammaService(opslag, new Toegang(REGISTER)) };
  };

  it('stores the shipped catalogue at start-up and lists the latest version of each programme', async () => {
    const { service } = nieuw();
    await service.onApplicationBootstrap();
    await service.onApplicationBootstrap();
    const lijst = await service.lijst(COACH);
    expect(lijst).toHaveLength(new Set(PROGRAMMA_CATALOGUS.map((p) => p.code)).size);
    expect(lijst.find((p) => p.code === 'aandacht-doet-bewegen')?.versie).toBe(2);
  });

  it("a gemeente's klantmanager sets up a programme and publishes versions; the first fills in the partnership defaults", async () => {
    const { service } = nieuw();
    const v1 = await service.maak(EIGEN_AANPAK, KM);
    expect(v1).toMatchObject({ code: 'eigen-aanpak', versie: 1, geldigVanaf: amsterdamDate(Date.now()), gepubliceerdDoor: 'km-1' });
    expect(v1.definitie.outreach.maxBelpogingen).toBe(4);
    const { code: _c, ...rest } = EIGEN_AANPAK;
    const v2 = await service.nieuweVersie('eigen-aanpak', { ...rest, evaluatie: { ...rest.evaluatie, intervalMaanden: 2 } }, KM);
    expect(v2.versie).toBe(2);
    const p = await service.programma('eigen-aanpak', COACH);
    expect(p.versies.map((v) => [v.versie, v.definitie.evaluatie.intervalMaanden])).toEqual([
      [1, 3],
      [2, 2],
    ]);
    expect(p.actueleVersie).toBe(2);
    expect((await service.versie('eigen-aanpak', 1, COACH)).definitie.evaluatie.intervalMaanden).toBe(3);
  });

  it('refuses anyone but a klantmanager, a taken code, an unknown programme, and explains an inconsistent one in Dutch', async () => {
    const { service, opslag } = nieuw();
    expect((await fout(service.maak(EIGEN_AANPAK, COACH))).code).toBe('TOEGANG.GEWEIGERD');
    await service.maak(EIGEN_AANPAK, KM);
    expect((await fout(service.maak(EIGEN_AANPAK, KM))).code).toBe('TRAJECT.PROGRAMME_EXISTS');
    const { code: _c, ...rest } = EIGEN_AANPAK;
    expect((await fout(service.nieuweVersie('bestaat-niet', rest, KM))).code).toBe('TRAJECT.PROGRAMME_NOT_FOUND');
    const slecht = await fout(
      service.nieuweVersie(
        'eigen-aanpak',
        {
          ...rest,
          faseTermijnWerkdagen: { kennismaking: 20 },
          evaluatie: { ...rest.evaluatie, intervalMaanden: 18 },
          instrumenten: { ...rest.instrumenten, zrmVersie: 'zrm-99' },
        },
        KM,
      ),
    );
    expect(slecht.code).toBe('TRAJECT.PROGRAMME_INVALID');
    expect(slecht.fields).toEqual({
      'faseTermijnWerkdagen.diagnose': 'de fase diagnose heeft geen duur: geef het aantal werkdagen of maanden op',
      'evaluatie.intervalMaanden': 'de eerste evaluatie (na 18 maanden) valt na het einde van het traject (hooguit 12 maanden): evalueer vaker',
      'instrumenten.zrmVersie': 'onbekende versie van de ZRM "zrm-99"; kies uit zrm-2017 (13 domeinen), zrm-11 (11 domeinen)',
    });
    expect((await fout(service.nieuweVersie('eigen-aanpak', { ...rest, geldigVanaf: '2000-01-01' }, KM))).code).toBe('TRAJECT.PROGRAMME_INVALID');
    expect(await opslag.versies('eigen-aanpak')).toHaveLength(1);
  });
});
