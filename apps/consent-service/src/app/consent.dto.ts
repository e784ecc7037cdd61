import {
  besluitSchema,
  besluitVerzoekSchema,
  herinneringSchema,
  inzageSchema,
  intrekkingSchema,
  toestemmingAanvraagSchema,
  toestemmingLijstQuerySchema,
  toestemmingSchema,
  verificatieSchema,
  verwerkingLijstQuerySchema,
  verwerkingMeldingSchema,
  verwerkingPaginaSchema,
  verwerkingsregisterSchema,
  vrijgaveOverzichtSchema,
  vrijgaveQuerySchema,
} from '@ketenregie/consent-contracts';
import { createZodDto } from 'nestjs-zod';

/** Body of `POST /toestemmingen`. */
export class ToestemmingAanvraagDto extends createZodDto(toestemmingAanvraagSchema) {}
/** A consent with its history. */
export class ToestemmingDto extends createZodDto(toestemmingSchema) {}
/** Query of `GET /toestemmingen`. */
export class ToestemmingLijstQueryDto extends createZodDto(toestemmingLijstQuerySchema) {}
/** Body of `POST /toestemmingen/{id}/intrekking`. */
export class IntrekkingDto extends createZodDto(intrekkingSchema) {}
/** Body of `POST /besluiten`. */
export class BesluitVerzoekDto extends createZodDto(besluitVerzoekSchema) {}
/** A decision. */
export class BesluitDto extends createZodDto(besluitSchema) {}
/** Body of `POST /verwerkingen`. */
export class VerwerkingMeldingDto extends createZodDto(verwerkingMeldingSchema) {}
/** Result of `GET /verwerkingen/verificatie`. */
export class VerificatieDto extends createZodDto(verificatieSchema) {}
/** Result of `GET /deelnemers/{id}/inzage`. */
export class InzageDto extends createZodDto(inzageSchema) {}
/** A coach's expiry reminder. */
export class HerinneringDto extends createZodDto(herinneringSchema) {}
/** Query of `GET /verwerkingen`. */
export class VerwerkingLijstQueryDto extends createZodDto(verwerkingLijstQuerySchema) {}
/** A page of the processing log. */
export class VerwerkingPaginaDto extends createZodDto(verwerkingPaginaSchema) {}
/** Query of `GET /vrijgaveprofielen`. */
export class VrijgaveQueryDto extends createZodDto(vrijgaveQuerySchema) {}
/** The release profile of one recipient type for a purpose. */
export class VrijgaveOverzichtDto extends createZodDto(vrijgaveOverzichtSchema) {}
/** `GET /verwerkingsregister`: the versioned processing register. */
export class VerwerkingsregisterDto extends createZodDto(verwerkingsregisterSchema) {}
