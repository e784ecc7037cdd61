import type { GenomenBesluit, Inzage } from '@ketenregie/consent-application';
import type { BesluitDto, InzageDto, ToestemmingDto, VerificatieDto, VerwerkingPaginaDto } from '@ketenregie/consent-contracts';
import { huidigeStatus, type Ketenregel, type KetenVerificatie, type Toestemming, uitkomst } from '@ketenregie/consent-domain';

export function toestemmingDto(t: Toestemming): ToestemmingDto {
  return {
    id: t.id,
    deelnemerId: t.deelnemerId,
    verlener: t.verlener,
    doel: t.doel,
    categorieen: [...t.categorieen],
    bronnen: [...t.bronnen],
    ontvangers: [...t.ontvangers],
    geldigVanaf: t.geldigVanaf.toISOString(),
    geldigTot: t.geldigTot.toISOString(),
    bewijs: t.bewijs,
    ...(t.vervangt ? { vervangt: t.vervangt } : {}),
    status: huidigeStatus(t),
    historie: t.historie.map((g) => ({ ...g, op: g.op.toISOString() })),
  };
}

export function besluitDto({ id, besluit, traceId }: GenomenBesluit): BesluitDto {
  const { verzoek } = besluit;
  return {
    id,
    op: besluit.op.toISOString(),
    deelnemerId: verzoek.deelnemerId,
    bron: verzoek.bron,
    ontvanger: verzoek.ontvanger,
    doel: verzoek.doel,
    ...(besluit.registerVersie === undefined ? {} : { registerVersie: besluit.registerVersie }),
    ...(besluit.activiteit ? { verwerkingsactiviteit: besluit.activiteit } : {}),
    uitkomst: uitkomst(besluit),
    categorieen: besluit.categorieen.map((c) => ({
      ...c,
      velden: [...c.velden],
      verleendOp: [...c.verleendOp],
      toestemming:
        c.toestemming.status === 'verleend'
          ? { status: 'verleend', toestemmingen: [...c.toestemming.toestemmingen] }
          : { status: 'geen', afgewezen: [...c.toestemming.afgewezen] },
    })),
    traceId,
  };
}

export function verificatieDto(v: KetenVerificatie, gecontroleerdOp: Date): VerificatieDto {
  return v.geldig
    ? { geldig: true, aantal: v.aantal, kopHash: v.kopHash, gecontroleerdOp: gecontroleerdOp.toISOString() }
    : { geldig: false, aantal: v.aantal, breuk: v.breuk, gecontroleerdOp: gecontroleerdOp.toISOString() };
}

export function inzageDto(inzage: Inzage): InzageDto {
  return {
    deelnemerId: inzage.deelnemerId,
    opgesteldOp: inzage.opgesteldOp.toISOString(),
    toestemmingen: inzage.toestemmingen.map(toestemmingDto),
    verwerkingen: inzage.verwerkingen.map((r) => ({
      ...r,
      tijdstip: r.tijdstip.toISOString(),
      categorieen: [...r.categorieen],
      grondslagen: [...r.grondslagen],
      toestemmingen: [...r.toestemmingen],
    })),
  };
}

export function verwerkingPaginaDto(regels: readonly Ketenregel[], limiet: number): VerwerkingPaginaDto {
  const laatste = regels[regels.length - 1];
  return {
    regels: regels.map(({ keten, volgnummer, vorigeHash, hash, regel }) => ({
      keten,
      volgnummer,
      vorigeHash,
      hash,
      ...regel,
      tijdstip: regel.tijdstip.toISOString(),
      categorieen: [...regel.categorieen],
      grondslagen: [...regel.grondslagen],
      toestemmingen: [...regel.toestemmingen],
    })),
    ...(laatste && regels.length === limiet ? { volgende: { naKeten: laatste.keten, naVolgnummer: laatste.volgnummer } } : {}),
  };
}
