import type { Actor, TrajectService } from '@ketenregie/traject-application';
import type { DeelnemerAanmaken, TrajectStarten } from '@ketenregie/traject-contracts';

/** The demo region's klantmanager (the gateway's dev-token subject format `dev:<organisatie>:<rol>`). */
export const DEMO_KLANTMANAGER: Actor = { sub: 'dev:gemeente-dommeldal:klantmanager', organisatie: 'gemeente-dommeldal', rol: 'klantmanager' };

/** The demo coach at the uitvoerder. */
export const DEMO_COACH = { coachId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' } as const;

/** Fictional deelnemers with test BSNs (9999… range) and the programme each follows. */
export const DEMO_DEELNEMERS: readonly {
  readonly deelnemer: DeelnemerAanmaken;
  readonly programmaCode: string;
  readonly doelgroep: TrajectStarten['doelgroep'];
}[] = [
  {
    deelnemer: { bsn: '999990007', voornamen: 'Fenna', achternaam: 'de Vries', geboortedatum: '1978-04-12', contact: {} },
    programmaCode: 'maatwerktraject-den-bosch',
    doelgroep: { ladderTrede: 2, jarenInBijstand: 6 },
  },
  {
    deelnemer: { bsn: '999990019', voornamen: 'Youssef', achternaam: 'El Idrissi', geboortedatum: '1990-09-30', contact: {} },
    programmaCode: 'fip',
    doelgroep: { heeftAnderTraject: false },
  },
  {
    deelnemer: { bsn: '999990020', voornamen: 'Ria', achternaam: 'Smulders', geboortedatum: '1965-01-05', contact: {} },
    programmaCode: 'maatwerktraject-den-bosch',
    doelgroep: { ladderTrede: 1, jarenInBijstand: 12 },
  },
];

/** The part of the seed's storage it needs besides the use cases: find a deelnemer by BSN and their trajecten. */
export interface DemoOpzoeking {
  vindOpBsn(bsn: string): Promise<string | undefined>;
  heeftTraject(deelnemerId: string): Promise<boolean>;
}

/**
 * Registers the demo deelnemers and starts one traject each, for the demo gemeente with the
 * demo coach; what exists already is left alone, so it runs on every start.
 * @returns how many deelnemers and trajecten were added now
 */
export async function zaaiDemoTrajecten(service: TrajectService, opzoeking: DemoOpzoeking): Promise<{ deelnemers: number; trajecten: number }> {
  let deelnemers = 0;
  let trajecten = 0;
  for (const demo of DEMO_DEELNEMERS) {
    let id = await opzoeking.vindOpBsn(demo.deelnemer.bsn);
    if (!id) {
      id = (await service.maakDeelnemer(demo.deelnemer, DEMO_KLANTMANAGER)).id;
      deelnemers += 1;
    }
    if (await opzoeking.heeftTraject(id)) continue;
    await service.start(
      {
        deelnemerId: id,
        programmaCode: demo.programmaCode,
        regie: { regievoerderId: DEMO_KLANTMANAGER.sub, organisatieId: DEMO_KLANTMANAGER.organisatie },
        coach: DEMO_COACH,
        aanmeldreden: 'activering',
        doelgroep: demo.doelgroep,
      },
      DEMO_KLANTMANAGER,
    );
    trajecten += 1;
  }
  return { deelnemers, trajecten };
}
