/** A fresh BSN that passes the elfproef (never a real person's: the test range is random). */
export function geldigBsn(): string {
  for (;;) {
    const cijfers = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const som = cijfers.reduce((s, c, i) => s + c * (9 - i), 0);
    const laatste = som % 11;
    if (laatste <= 9) return `${cijfers.join('')}${laatste}`;
  }
}

/** `POST /api/v1/trajecten` for a demo traject led by gemeente Dommeldal with a Werkbrug coach. */
export function demoTrajectAanvraag(deelnemerId: string) {
  return {
    deelnemerId,
    programmaCode: 'maatwerktraject-den-bosch',
    regie: { regievoerderId: 'dev:gemeente-dommeldal:klantmanager', organisatieId: 'gemeente-dommeldal' },
    coach: { coachId: 'dev:werkbrug-dommeldal:coach', organisatieId: 'werkbrug-dommeldal' },
    aanmeldreden: 'activering',
    doelgroep: { ladderTrede: 2, jarenInBijstand: 6 },
  };
}

/** `POST /api/v1/deelnemers` for a demo deelnemer with a fresh BSN. */
export function demoDeelnemer() {
  return { voornamen: 'Sam', achternaam: 'Bakker', geboortedatum: '1979-03-02', contact: { telefoon: '0612345678' }, bsn: geldigBsn() };
}

/** `POST /api/v1/toestemmingen`: the deelnemer's consent to a warme overdracht from the gemeente to ggz-zuiderlicht. */
export function demoToestemmingVoorOverdracht(deelnemerId: string, trajectId: string) {
  return {
    deelnemerId,
    verlener: { soort: 'deelnemer' },
    doel: 'warme-overdracht',
    categorieen: ['contact', 'traject-status', 'participatieladder', 'zrm', 'gezondheid'],
    bronnen: [{ soort: 'type', type: 'gemeente' }],
    ontvangers: [{ soort: 'organisatie', organisatie: 'ggz-zuiderlicht' }],
    geldigTot: '2099-01-01T00:00:00.000Z',
    bewijs: { soort: 'ondertekend-formulier', documentId: `scan-e2e-${trajectId}` },
  };
}

/**
 * The commands (sub-resource of `/trajecten/{id}`, body) with which the demo traject's coach walks
 * a fresh traject from aanmelding to uitvoering on `datum`: contact, kennismaking, diagnose, a
 * signed plan.
 */
export function naarUitvoering(datum: string, coachId = 'dev:werkbrug-dommeldal:coach'): readonly (readonly [string, unknown])[] {
  const scorer = { rol: 'coach', professionalId: coachId };
  const overEenJaar = `${Number(datum.slice(0, 4)) + 1}${datum.slice(4)}`;
  return [
    ['contactpogingen', { kanaal: 'telefoon', uitkomst: 'afspraak-gemaakt' }],
    ['contactmomenten', { vorm: 'huisbezoek', verschenen: true, minuten: 60 }],
    ['kennismaking', { klik: true }],
    [
      'diagnose',
      {
        metingen: [
          { instrument: 'participatieladder', trede: 2, datum, scorer, instrumentVersie: 'participatieladder-6' },
          { instrument: 'zrm', datum, scorer, instrumentVersie: 'zrm-2017', relevanteDomeinen: ['financien'], scores: { financien: 2 } },
        ],
      },
    ],
    [
      'plan',
      {
        plan: {
          grow: { goal: 'betaald werk', reality: 'thuis', options: 'proefplaatsing', will: 'starten' },
          doelen: [
            {
              id: 'd1',
              omschrijving: 'drie dagen per week werken',
              smart: { specifiek: 's', meetbaar: 'm', actiegericht: 'a', realistisch: 'r', tijdgebonden: overEenJaar },
            },
          ],
          ondertekening: { datum, door: 'deelnemer' },
        },
      },
    ],
  ];
}
