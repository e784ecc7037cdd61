import { Inject, Injectable } from '@nestjs/common';
import type { VerwijzingAanvraagDto, VerwijzingStatusDto } from '@ketenregie/exchange-contracts';
import { ExchangeOpslag, terugkoppeling, VerwijzingRecord, VerwijzingTerugkoppeling, volgendeVerwijzingStatus } from '@ketenregie/exchange-domain';
import { ForbiddenError, NotFoundError } from '@ketenregie/shared-kernel';
import { Toegang } from '@ketenregie/shared-platform';
import type { Identity } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import { gebeurtenis } from './exchange.gebeurtenissen';
import { EXCHANGE_OPSLAG } from './exchange.ports';
import { PROFESSIONALS } from './overdracht.service';

/** A referral as one organisation may see it: the receiver everything, the sender the feedback its consent allows. */
export type VerwijzingInzicht = Omit<VerwijzingRecord, 'status' | 'eindreden' | 'afwijzingReden'> &
  VerwijzingTerugkoppeling & { readonly richting: 'inkomend' | 'uitgaand' };

const NIET_GEVONDEN = () => new NotFoundError({ code: 'EXCHANGE.VERWIJZING_NIET_GEVONDEN', detail: 'No such verwijzing for your organisation.' });

/** Referrals without transfer of the lead: schuldhulp, Wmo, GGZ treatment, huisarts, vrijwilligerswerk. */
@Injectable()
export class VerwijzingService {
  constructor(
    @Inject(EXCHANGE_OPSLAG) private readonly opslag: ExchangeOpslag,
    private readonly toegang: Toegang,
  ) {}

  async verwijs(aanvraag: VerwijzingAanvraagDto, door: Identity): Promise<VerwijzingInzicht> {
    this.vereisProfessional(door);
    const [zenderType, ontvangerType] = await Promise.all([
      this.toegang.organisatieType(door.organisatie, 'zender'),
      this.toegang.organisatieType(aanvraag.ontvanger.organisatie, 'ontvanger.organisatie'),
    ]);
    const nu = new Date();
    const v: VerwijzingRecord = {
      id: randomUUID(),
      deelnemerId: aanvraag.deelnemerId,
      soort: aanvraag.soort,
      zender: { organisatie: door.organisatie, type: zenderType },
      ontvanger: { organisatie: aanvraag.ontvanger.organisatie, type: ontvangerType },
      reden: aanvraag.reden,
      detailTerugkoppeling: aanvraag.detailTerugkoppeling,
      status: 'aangemeld',
      aangemeldOp: nu,
      bijgewerktOp: nu,
    };
    await this.opslag.voegVerwijzingToe(
      v,
      gebeurtenis('verwijzing', v.id, `${v.id}/aangemeld`, 'nl.ketenregie.verwijzing.aangemeld', { soort: v.soort, status: 'aangemeld' }, [v.zender.organisatie, v.ontvanger.organisatie]),
    );
    return inzicht(v, 'uitgaand');
  }

  async bekijk(id: string, door: Identity): Promise<VerwijzingInzicht> {
    const v = await this.opslag.verwijzing(id);
    if (!v) throw NIET_GEVONDEN();
    if (v.ontvanger.organisatie === door.organisatie) return inzicht(v, 'inkomend');
    if (v.zender.organisatie === door.organisatie) return inzicht(v, 'uitgaand');
    throw NIET_GEVONDEN();
  }

  async vanOrganisatie(door: Identity): Promise<VerwijzingInzicht[]> {
    await this.toegang.eis(door, 'inbox.lezen');
    const lijst = await this.opslag.verwijzingenVan(door.organisatie);
    return lijst.map((v) => inzicht(v, v.ontvanger.organisatie === door.organisatie ? 'inkomend' : 'uitgaand'));
  }

  /** The receiver reports a status; the sender is told only what {@link terugkoppeling} allows. */
  async meldStatus(id: string, melding: VerwijzingStatusDto, door: Identity): Promise<VerwijzingInzicht> {
    this.vereisProfessional(door);
    const v = await this.opslag.verwijzing(id);
    if (!v || (v.ontvanger.organisatie !== door.organisatie && v.zender.organisatie !== door.organisatie)) throw NIET_GEVONDEN();
    if (v.ontvanger.organisatie !== door.organisatie) {
      throw new ForbiddenError({ code: 'EXCHANGE.ALLEEN_ONTVANGER', detail: 'Only the receiving organisation reports the status of a referral.' });
    }
    const status = volgendeVerwijzingStatus(v.status, melding);
    const bijgewerkt: VerwijzingRecord = {
      ...v,
      status,
      ...(melding.status === 'beeindigd' ? { eindreden: melding.eindreden } : {}),
      ...(melding.status === 'afgewezen' ? { afwijzingReden: melding.reden } : {}),
      bijgewerktOp: new Date(),
    };
    // The event carries what the sender may see, never more.
    const zichtbaar = terugkoppeling(v.soort, status, bijgewerkt, v.detailTerugkoppeling);
    await this.opslag.werkVerwijzingBij(
      bijgewerkt,
      gebeurtenis('verwijzing', v.id, `${v.id}/${status}`, 'nl.ketenregie.verwijzing.status-gewijzigd', { ...zichtbaar }, [v.zender.organisatie, v.ontvanger.organisatie]),
    );
    return inzicht(bijgewerkt, 'inkomend');
  }

  private vereisProfessional(door: Identity): void {
    if (!PROFESSIONALS.includes(door.rol)) throw new ForbiddenError({ code: 'EXCHANGE.ROL_NIET_TOEGESTAAN', detail: `Role ${door.rol} takes no part in referrals.` });
  }
}

function inzicht(v: VerwijzingRecord, richting: 'inkomend' | 'uitgaand'): VerwijzingInzicht {
  const { status, eindreden, afwijzingReden, ...rest } = v;
  const zicht = richting === 'inkomend' ? terugkoppeling(v.soort, status, { eindreden, afwijzingReden }, true) : terugkoppeling(v.soort, status, { eindreden, afwijzingReden }, v.detailTerugkoppeling);
  return { ...rest, ...zicht, richting };
}
