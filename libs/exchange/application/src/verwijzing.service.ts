import { Inject, Injectable } from '@nestjs/common';
import type { VerwijzingAanvraagDto, VerwijzingStatusDto } from '@ketenregie/exchange-contracts';
import { terugkoppeling, VerwijzingRecord, VerwijzingTerugkoppeling, VerwijzingStatus, volgendeVerwijzingStatus } from '@ketenregie/exchange-domain';
import type { VerwijzingRepository } from './exchange.ports';
import type { Handeling } from '@ketenregie/shared-access-policy';
import { ForbiddenError, NotFoundError, ValidationError } from '@ketenregie/shared-kernel';
import { BETROKKENHEID_POORT, ONTVANGER_POORT, Toegang } from '@ketenregie/shared-platform';
import type { BetrokkenheidPoort, Identity, OntvangerPoort } from '@ketenregie/shared-platform';
import { randomUUID } from 'node:crypto';
import { partijVan } from './betrokkenheid';
import { gebeurtenis } from './exchange.gebeurtenissen';
import { BESLUIT_POORT, VERWERKINGSLOG, VERWIJZING_REPOSITORY } from './exchange.ports';
import type { Aanroep, BesluitPoort, VerwerkingslogPoort } from './exchange.ports';

/** Purpose (processing register) under which a referral of each kind discloses the deelnemer's contact details. */
const VERWIJZING_DOEL: Readonly<Record<VerwijzingRecord['soort'], string>> = {
  'ggz-behandeling': 'verwijzing-ggz',
  schuldhulp: 'schuldhulpverlening',
  wmo: 're-integratie',
  huisarts: 're-integratie',
  vrijwilligerswerk: 're-integratie',
};

/** What a referral discloses to its receiver. */
const VERWIJZING_CATEGORIEEN = ['contact'] as const;

/** A referral as one organisation may see it: the receiver everything, the sender the feedback its consent allows. */
export type VerwijzingInzicht = Omit<VerwijzingRecord, 'status' | 'eindreden' | 'afwijzingReden'> &
  VerwijzingTerugkoppeling & { readonly richting: 'inkomend' | 'uitgaand' };

const NIET_GEVONDEN = () => new NotFoundError({ code: 'EXCHANGE.VERWIJZING_NIET_GEVONDEN', detail: 'No such verwijzing for your organisation.' });

/** Referrals without transfer of the lead: schuldhulp, Wmo, GGZ treatment, huisarts, vrijwilligerswerk. */
@Injectable()
export class VerwijzingService {
  constructor(
    @Inject(VERWIJZING_REPOSITORY) private readonly verwijzingen: VerwijzingRepository,
    private readonly toegang: Toegang,
    @Inject(BETROKKENHEID_POORT) private readonly betrokkenheid: BetrokkenheidPoort,
    @Inject(BESLUIT_POORT) private readonly besluiten: BesluitPoort,
    @Inject(VERWERKINGSLOG) private readonly log: VerwerkingslogPoort,
    @Inject(ONTVANGER_POORT) private readonly ontvangers: OntvangerPoort,
  ) {}

  /**
   * Refers a deelnemer: only an organisation that works the deelnemer's traject (regievoerder or
   * coach organisation), only when consent-service decides the contact details may go to the
   * receiver, and the disclosure is written to the processing log before the referral exists. The
   * traject context then records the receiver as `ontvanger` of the deelnemer (effective now), so
   * it may do what an involved organisation may. A refused referral leaves nothing.
   * @throws ForbiddenError `EXCHANGE.VERWIJZING_NIET_TOEGESTAAN` when the decision does not permit it.
   */
  async verwijs(aanvraag: VerwijzingAanvraagDto, door: Identity, aanroep: Aanroep): Promise<VerwijzingInzicht> {
    const betrokkenheid = await this.betrokkenheid.bijDeelnemer(aanvraag.deelnemerId, aanroep.bearer);
    await this.toegang.eis(door, 'verwijzing.aanvragen', { deelnemerId: aanvraag.deelnemerId }, { betrokkenheid });
    const [zenderType, ontvangerType] = await Promise.all([
      this.toegang.organisatieType(door.organisatie, 'zender'),
      this.toegang.ontvangerType(aanvraag.ontvanger, 'ontvanger'),
    ]);
    if (aanvraag.ontvanger.organisatie === door.organisatie) {
      throw new ValidationError({ code: 'EXCHANGE.ONTVANGER_IS_ZENDER', detail: 'A referral goes to another organisation.' });
    }
    const ontvanger = { organisatie: aanvraag.ontvanger.organisatie, type: ontvangerType };
    const doel = VERWIJZING_DOEL[aanvraag.soort];
    const besluit = await this.besluiten.besluit({ deelnemerId: aanvraag.deelnemerId, ontvanger, doel, categorieen: VERWIJZING_CATEGORIEEN }, aanroep.bearer);
    if (!besluit || !VERWIJZING_CATEGORIEEN.every((c) => besluit.toegestaan.includes(c))) {
      throw new ForbiddenError({
        code: 'EXCHANGE.VERWIJZING_NIET_TOEGESTAAN',
        detail: 'Neither a legal basis nor a consent permits this referral to this receiver.',
      });
    }
    await this.log.meld(
      { handeling: 'verstrekking', deelnemerId: aanvraag.deelnemerId, doel, categorieen: VERWIJZING_CATEGORIEEN, ontvanger, besluitId: besluit.id },
      aanroep,
    );
    const nu = new Date();
    const v: VerwijzingRecord = {
      id: randomUUID(),
      deelnemerId: aanvraag.deelnemerId,
      soort: aanvraag.soort,
      zender: { organisatie: door.organisatie, type: zenderType },
      ontvanger,
      reden: aanvraag.reden,
      // What the receiver may report back is decided by consent when it reports, not by the sender.
      detailTerugkoppeling: false,
      status: 'aangemeld',
      aangemeldOp: nu,
      bijgewerktOp: nu,
    };
    await this.ontvangers.legOntvangerVast(v.deelnemerId, v.ontvanger.organisatie, door);
    await this.verwijzingen.voegVerwijzingToe(
      v,
      gebeurtenis('verwijzing', v.id, `${v.id}/aangemeld`, 'nl.ketenregie.verwijzing.aangemeld', { soort: v.soort, status: 'aangemeld' }, [
        v.zender.organisatie,
        v.ontvanger.organisatie,
      ]),
    );
    return inzicht(v, 'uitgaand');
  }

  /** A referral the caller's organisation sent or received (it exists only once consent permitted it). */
  async bekijk(id: string, door: Identity, handeling: Handeling = 'verwijzing.lezen'): Promise<VerwijzingInzicht> {
    const v = await this.verwijzingen.verwijzing(id);
    if (!v) throw NIET_GEVONDEN();
    const betrokkenheid = partijVan(v, door);
    if (betrokkenheid.length === 0) throw NIET_GEVONDEN();
    await this.toegang.eis(door, handeling, { deelnemerId: v.deelnemerId }, { betrokkenheid, toestemming: true });
    return inzicht(v, betrokkenheid.includes('geadresseerde') ? 'inkomend' : 'uitgaand');
  }

  async vanOrganisatie(door: Identity): Promise<VerwijzingInzicht[]> {
    await this.toegang.eis(door, 'inbox.lezen');
    const lijst = await this.verwijzingen.verwijzingenVan(door.organisatie);
    return lijst.map((v) => inzicht(v, v.ontvanger.organisatie === door.organisatie ? 'inkomend' : 'uitgaand'));
  }

  /**
   * The receiver reports a status; the sender is told only what {@link terugkoppeling} allows. For
   * GGZ treatment, whether the sender may see the coded reasons is a disclosure of health data by
   * the receiver: consent-service decides it now, with the receiver as source (and logs it).
   */
  async meldStatus(id: string, melding: VerwijzingStatusDto, door: Identity, aanroep: Aanroep): Promise<VerwijzingInzicht> {
    const { richting } = await this.bekijk(id, door, 'verwijzing.status.melden');
    const v = (await this.verwijzingen.verwijzing(id)) as VerwijzingRecord;
    if (richting !== 'inkomend') throw NIET_GEVONDEN();
    const status = volgendeVerwijzingStatus(v.status, melding);
    const metReden = melding.status === 'beeindigd' || melding.status === 'afgewezen';
    const detail = v.soort === 'ggz-behandeling' && metReden ? await this.detailToegestaan(v, aanroep) : undefined;
    const bijgewerkt: VerwijzingRecord = {
      ...v,
      ...(detail ? { detailTerugkoppeling: true } : {}),
      status,
      ...(melding.status === 'beeindigd' ? { eindreden: melding.eindreden } : {}),
      ...(melding.status === 'afgewezen' ? { afwijzingReden: melding.reden } : {}),
      bijgewerktOp: new Date(),
    };
    if (detail) {
      await this.log.meld(
        {
          handeling: 'verstrekking',
          deelnemerId: v.deelnemerId,
          doel: 'verwijzing-ggz',
          categorieen: ['gezondheid'],
          ontvanger: v.zender,
          besluitId: detail.besluitId,
        },
        aanroep,
      );
    }
    // A referral that ends (rejected or finished) ends the receiver's involvement with the
    // deelnemer, unless another referral to it for this deelnemer is still open. Before the
    // status is stored: if traject-service cannot be reached, the report fails and is repeated.
    if (verwijzingBeeindigd(status)) {
      const nogOpen = (await this.verwijzingen.verwijzingenVan(v.ontvanger.organisatie)).some(
        (a) => a.id !== v.id && a.deelnemerId === v.deelnemerId && a.ontvanger.organisatie === v.ontvanger.organisatie && !verwijzingBeeindigd(a.status),
      );
      if (!nogOpen) await this.ontvangers.beeindigOntvanger(v.deelnemerId, v.ontvanger.organisatie, door);
    }
    // The event carries what the sender may see, never more.
    const zichtbaar = terugkoppeling(v.soort, status, bijgewerkt, bijgewerkt.detailTerugkoppeling);
    await this.verwijzingen.werkVerwijzingBij(
      bijgewerkt,
      gebeurtenis('verwijzing', v.id, `${v.id}/${status}`, 'nl.ketenregie.verwijzing.status-gewijzigd', { ...zichtbaar }, [
        v.zender.organisatie,
        v.ontvanger.organisatie,
      ]),
    );
    return inzicht(bijgewerkt, 'inkomend');
  }

  /** The decision whether the receiver may tell the sender the coded treatment outcome (health data). */
  private async detailToegestaan(v: VerwijzingRecord, aanroep: Aanroep): Promise<{ besluitId: string } | undefined> {
    const besluit = await this.besluiten.besluit(
      { deelnemerId: v.deelnemerId, ontvanger: v.zender, doel: 'verwijzing-ggz', categorieen: ['gezondheid'] },
      aanroep.bearer,
    );
    return besluit?.toegestaan.includes('gezondheid') ? { besluitId: besluit.id } : undefined;
  }
}

/** A referral in this status has ended: the receiver rejected it or reported it finished. */
function verwijzingBeeindigd(status: VerwijzingStatus): boolean {
  return status === 'afgewezen' || status === 'beeindigd';
}

function inzicht(v: VerwijzingRecord, richting: 'inkomend' | 'uitgaand'): VerwijzingInzicht {
  const { status, eindreden, afwijzingReden, ...rest } = v;
  const zicht =
    richting === 'inkomend'
      ? terugkoppeling(v.soort, status, { eindreden, afwijzingReden }, true)
      : terugkoppeling(v.soort, status, { eindreden, afwijzingReden }, v.detailTerugkoppeling);
  return { ...rest, ...zicht, richting };
}
