import type { BesluitDto } from '@ketenregie/consent-contracts';
import type { BesluitUitkomst } from '@ketenregie/exchange-contracts';

/** Refusals a deelnemer's consent can lift; every other refusal (profile, register) is final for that category. */
const TOESTEMMING_KAN_HELPEN = new Set(['TOESTEMMING_VEREIST', 'GEEN_GRONDSLAG_OF_TOESTEMMING']);

/**
 * Reduces consent's decision to what the handover needs: released fields per category, the
 * consents they rest on, and the categories still waiting for consent.
 */
export function besluitUitkomst(besluit: BesluitDto): BesluitUitkomst {
  const vrijgaven = besluit.categorieen
    .filter((c) => c.uitkomst === 'toegestaan' && c.velden.length > 0)
    .map((c) => ({ categorie: c.categorie, velden: [...c.velden] }));
  const toestemmingen = [
    ...new Set(
      besluit.categorieen.flatMap((c) =>
        c.uitkomst === 'toegestaan' && c.verleendOp.includes('toestemming') && c.toestemming.status === 'verleend' ? c.toestemming.toestemmingen : [],
      ),
    ),
  ];
  const ontbrekend = besluit.categorieen
    .filter((c) => c.uitkomst === 'geweigerd' && c.weigerreden !== undefined && TOESTEMMING_KAN_HELPEN.has(c.weigerreden))
    .map((c) => c.categorie);
  return { besluitId: besluit.id, uitkomst: ontbrekend.length > 0 ? 'toestemming-nodig' : 'toegestaan', vrijgaven, toestemmingen, ontbrekend };
}
