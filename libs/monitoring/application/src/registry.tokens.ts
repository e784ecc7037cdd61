/** Injection token of the {@link OrganisatieRepository} port. */
export const ORGANISATIE_REPOSITORY = Symbol('ORGANISATIE_REPOSITORY');
/** Injection token of the {@link StuurgroepRepository} port. */
export const STUURGROEP_REPOSITORY = Symbol('STUURGROEP_REPOSITORY');
