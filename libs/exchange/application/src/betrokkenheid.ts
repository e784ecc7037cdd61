import type { Betrokkenheid } from '@ketenregie/shared-access-policy';
import type { Identity } from '@ketenregie/shared-platform';

/** How the caller's organisation is party to a handover or referral: its sender, its receiver, both or neither (empty). */
export function partijVan(
  stuk: { readonly zender: { readonly organisatie: string }; readonly ontvanger: { readonly organisatie: string } },
  door: Identity,
): Betrokkenheid[] {
  return [
    ...(stuk.zender.organisatie === door.organisatie ? (['verzender'] as const) : []),
    ...(stuk.ontvanger.organisatie === door.organisatie ? (['geadresseerde'] as const) : []),
  ];
}
