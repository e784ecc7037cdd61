/** A menu entry of the portal. */
export interface MenuItem {
  readonly pad: string;
  readonly titel: string;
}

/**
 * What each role finds in the menu. Only pages that work with today's API are listed; other
 * roles (behandelaar, fg, stuurgroeplid, and the deelnemer once the access policy adds it) get
 * their pages here as they are built.
 */
export const MENU_PER_ROL: Readonly<Record<string, readonly MenuItem[]>> = {
  klantmanager: [
    { pad: '/deelnemers/nieuw', titel: 'Deelnemer aanmelden' },
    { pad: '/trajecten', titel: 'Mijn trajecten' },
    { pad: '/taken', titel: 'Mijn taken' },
    { pad: '/signalen', titel: 'Signalen' },
    { pad: '/overdrachten', titel: 'Overdrachten' },
  ],
  coach: [
    { pad: '/taken', titel: 'Mijn taken' },
    { pad: '/trajecten', titel: 'Mijn trajecten' },
    { pad: '/overdrachten', titel: 'Overdrachten' },
  ],
  jobcoach: [
    { pad: '/taken', titel: 'Mijn taken' },
    { pad: '/overdrachten', titel: 'Overdrachten' },
  ],
  behandelaar: [
    { pad: '/taken', titel: 'Mijn taken' },
    { pad: '/overdrachten', titel: 'Overdrachten' },
  ],
  fg: [
    { pad: '/fg/register', titel: 'Verwerkingsregister' },
    { pad: '/fg/verificatie', titel: 'Controle verwerkingslog' },
  ],
  deelnemer: [{ pad: '/mijn-gegevens', titel: 'Mijn gegevens' }],
  stuurgroeplid: [{ pad: '/stuurgroep/dashboard', titel: 'Dashboard convenant' }],
};

/** What an employer's people find besides their role's entries. */
const WERKGEVER_MENU: readonly MenuItem[] = [{ pad: '/werkgever/plaatsingen', titel: 'Mijn plaatsingen' }];

export function menuVoor(rol: string, organisatieType?: string): readonly MenuItem[] {
  const eigen = MENU_PER_ROL[rol] ?? [];
  return organisatieType === 'werkgever' && rol !== 'stuurgroeplid' ? [...WERKGEVER_MENU, ...eigen] : eigen;
}
