import { Button, Fieldset, FieldsetLegend, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, type Schemas } from '../api/client';
import { apiFoutVan, verwacht } from '../api/fouten';
import { FoutenOverzicht, FoutMelding, PaginaTitel, useFormulierFouten, Veld } from '../app/onderdelen';
import { bsnCijfers, controleerBsn, leesDatum } from '../format/invoer';

const LABELS: Readonly<Record<string, string>> = {
  bsn: 'BSN',
  voornamen: 'Voornamen',
  achternaam: 'Achternaam',
  geboortedatum: 'Geboortedatum',
  telefoon: 'Telefoonnummer',
  email: 'E-mailadres',
};

/** Maps the API's field paths (`contact.email`) to this form's fields. */
const VELD_VAN_API: Readonly<Record<string, string>> = { 'contact.telefoon': 'telefoon', 'contact.email': 'email' };

type Invoer = Record<keyof typeof LABELS, string>;

function controleer(invoer: Invoer): Record<string, string> {
  const fouten: Record<string, string> = {};
  const bsn = controleerBsn(invoer['bsn'], true);
  if (bsn.soort === 'fout') fouten['bsn'] = bsn.melding;
  if (!invoer['voornamen'].trim()) fouten['voornamen'] = 'Vul de voornamen in.';
  if (!invoer['achternaam'].trim()) fouten['achternaam'] = 'Vul de achternaam in.';
  if (!invoer['geboortedatum'].trim()) fouten['geboortedatum'] = 'Vul de geboortedatum in.';
  else if (!leesDatum(invoer['geboortedatum'])) fouten['geboortedatum'] = 'Vul een bestaande datum in als dag-maand-jaar, bijvoorbeeld 12-04-1985.';
  if (invoer['telefoon'].trim() && !/^\+?[0-9 ()-]{6,20}$/.test(invoer['telefoon'].trim()))
    fouten['telefoon'] = 'Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 06 12345678.';
  if (invoer['email'].trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(invoer['email'].trim())) fouten['email'] = 'Vul een e-mailadres in zoals naam@voorbeeld.nl.';
  return fouten;
}

/** Aanmelding: a klantmanager registers a new deelnemer; the BSN is checked (elfproef) while typing. */
export function AanmeldenPagina() {
  const navigate = useNavigate();
  const [invoer, zetInvoer] = useState<Invoer>({ bsn: '', voornamen: '', achternaam: '', geboortedatum: '', telefoon: '', email: '' });
  const [bsnVerlaten, zetBsnVerlaten] = useState(false);
  const { fouten, zetFouten, poging, toonFouten, apiFout, zetApiFout } = useFormulierFouten();
  const [bezig, zetBezig] = useState(false);

  const wijzig = (veld: string) => (event: React.ChangeEvent<HTMLInputElement>) => {
    zetInvoer((oud) => ({ ...oud, [veld]: event.target.value }));
    if (fouten[veld]) zetFouten(({ [veld]: _weg, ...rest }) => rest);
  };
  const bsnStaat = controleerBsn(invoer['bsn'], bsnVerlaten);
  const bsnFout = bsnStaat.soort === 'fout' ? bsnStaat.melding : fouten['bsn'];

  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    zetApiFout(undefined);
    const gevonden = controleer(invoer);
    toonFouten(gevonden);
    zetBsnVerlaten(true);
    if (Object.keys(gevonden).length > 0) return;
    const body: Schemas['DeelnemerAanmakenDto'] = {
      bsn: bsnCijfers(invoer['bsn']),
      voornamen: invoer['voornamen'].trim(),
      achternaam: invoer['achternaam'].trim(),
      geboortedatum: leesDatum(invoer['geboortedatum']) as string,
      contact: {
        ...(invoer['telefoon'].trim() ? { telefoon: invoer['telefoon'].trim() } : {}),
        ...(invoer['email'].trim() ? { email: invoer['email'].trim() } : {}),
      },
    };
    zetBezig(true);
    try {
      const { id } = await verwacht(api.POST('/api/v1/deelnemers', { body }));
      navigate(`/deelnemers/${id}`, { state: { melding: `${body.voornamen} ${body.achternaam} is aangemeld.` } });
    } catch (error) {
      const fout = apiFoutVan(error, 'Aanmelden is niet gelukt.');
      zetApiFout(fout);
      toonFouten(Object.fromEntries(Object.entries(fout.velden).map(([veld]) => [VELD_VAN_API[veld] ?? veld, 'Controleer dit veld.'])));
      zetBezig(false);
    }
  };

  const tekstveld = (
    veld: string,
    opties: { beschrijving?: string; optioneel?: boolean; autoComplete?: string; inputMode?: 'numeric' | 'tel' | 'email'; type?: string } = {},
  ) => (
    <Veld id={veld} label={LABELS[veld]} beschrijving={opties.beschrijving} fout={fouten[veld]} optioneel={opties.optioneel}>
      {(aria) => (
        <Textbox
          {...aria}
          name={veld}
          value={invoer[veld]}
          onChange={wijzig(veld)}
          autoComplete={opties.autoComplete ?? 'off'}
          inputMode={opties.inputMode}
          type={opties.type ?? 'text'}
          required={!opties.optioneel}
        />
      )}
    </Veld>
  );

  return (
    <>
      <PaginaTitel>Deelnemer aanmelden</PaginaTitel>
      <Paragraph>Meld een inwoner aan die nog niet in Ketenregie staat. Daarna kunt u een traject starten.</Paragraph>
      <form onSubmit={verstuur} noValidate className="kr-formulier">
        <FoutenOverzicht fouten={fouten} labels={LABELS} poging={poging} />
        {apiFout && Object.keys(apiFout.velden).length === 0 && <FoutMelding fout={apiFout} />}
        <Fieldset>
          <FieldsetLegend>Persoonsgegevens</FieldsetLegend>
          <Veld id="bsn" label="BSN" beschrijving="Het burgerservicenummer: 9 cijfers." fout={bsnFout}>
            {(aria) => (
              <Textbox
                {...aria}
                name="bsn"
                value={invoer['bsn']}
                onChange={wijzig('bsn')}
                onBlur={() => zetBsnVerlaten(true)}
                inputMode="numeric"
                autoComplete="off"
                required
              />
            )}
          </Veld>
          <p className="kr-bsn-status" aria-live="polite">
            {bsnStaat.soort === 'geldig' ? 'Dit BSN voldoet aan de elfproef.' : ''}
          </p>
          {tekstveld('voornamen', { autoComplete: 'off' })}
          {tekstveld('achternaam', { autoComplete: 'off' })}
          {tekstveld('geboortedatum', { beschrijving: 'Dag-maand-jaar, bijvoorbeeld 12-04-1985.', inputMode: 'numeric' })}
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>Contactgegevens</FieldsetLegend>
          {tekstveld('telefoon', { optioneel: true, inputMode: 'tel', type: 'tel' })}
          {tekstveld('email', { optioneel: true, inputMode: 'email', type: 'email' })}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          Deelnemer aanmelden
        </Button>
      </form>
    </>
  );
}
