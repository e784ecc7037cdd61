import {
  abonnementAanvraagSchema,
  abonnementSchema,
  acceptatieSchema,
  nieuwAbonnementSchema,
  afwijzingSchema,
  annuleringSchema,
  dossierSchema,
  inboxSchema,
  overdrachtAanvraagSchema,
  overdrachtDetailSchema,
  overdrachtLijstQuerySchema,
  overdrachtLijstSchema,
  overdrachtSchema,
  toestemmingMeldingSchema,
  verwijzingAanvraagSchema,
  verwijzingSchema,
} from '@ketenregie/exchange-contracts';
import { createZodDto } from 'nestjs-zod';

export class OverdrachtAanvraagDto extends createZodDto(overdrachtAanvraagSchema) {}
export class OverdrachtDto extends createZodDto(overdrachtSchema) {}
export class AcceptatieDto extends createZodDto(acceptatieSchema) {}
export class AfwijzingDto extends createZodDto(afwijzingSchema) {}
export class ToestemmingMeldingDto extends createZodDto(toestemmingMeldingSchema) {}
export class AnnuleringDto extends createZodDto(annuleringSchema) {}
export class DossierDto extends createZodDto(dossierSchema) {}
export class InboxDto extends createZodDto(inboxSchema) {}
export class VerwijzingAanvraagDto extends createZodDto(verwijzingAanvraagSchema) {}
export class VerwijzingDto extends createZodDto(verwijzingSchema) {}
export class AbonnementAanvraagDto extends createZodDto(abonnementAanvraagSchema) {}
export class AbonnementDto extends createZodDto(abonnementSchema) {}
export class NieuwAbonnementDto extends createZodDto(nieuwAbonnementSchema) {}
export class OverdrachtDetailDto extends createZodDto(overdrachtDetailSchema) {}
export class OverdrachtLijstDto extends createZodDto(overdrachtLijstSchema) {}
export class OverdrachtLijstQueryDto extends createZodDto(overdrachtLijstQuerySchema) {}
