import {
  Alert,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiFout } from '../api/fouten';
import type { Geladen } from './laden';

/** The page's `<h1>` and document title; focus moves to it on navigation so screen readers announce the page. */
export function PaginaTitel({ children }: { readonly children: string }) {
  const kop = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · Ketenregie`;
    kop.current?.focus();
  }, [children]);
  return (
    <Heading1 ref={kop} tabIndex={-1} className="kr-titel">
      {children}
    </Heading1>
  );
}

/** An error the API gave, as an alert. */
export function FoutMelding({ fout }: { readonly fout: ApiFout }) {
  return (
    <Alert type="error" role="alert">
      <Paragraph>{fout.message}</Paragraph>
    </Alert>
  );
}

/** What the last step gave: its confirmation (`melding`) and the API's error (`fout`), as alerts; nothing when there is neither. */
export function Uitkomst({ melding, fout }: { readonly melding?: string; readonly fout?: ApiFout }) {
  return (
    <>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      {fout && <FoutMelding fout={fout} />}
    </>
  );
}

/** One item of a data list (`DataList`): what (`sleutel`) and its value. */
export function Regel({ sleutel, children }: { readonly sleutel: string; readonly children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{sleutel}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** Renders loaded data, a loading line, or the error. */
export function Toon<T>({ geladen, children }: { readonly geladen: Geladen<T>; readonly children: (data: T) => ReactNode }) {
  if (geladen.status === 'laden') return <Paragraph aria-live="polite">Bezig met laden…</Paragraph>;
  if (geladen.status === 'fout') return <FoutMelding fout={geladen.fout} />;
  return <>{children(geladen.data)}</>;
}

/** A labelled form field with its description and error, wired for assistive technology. */
export function Veld(props: {
  readonly id: string;
  readonly label: string;
  readonly beschrijving?: string;
  readonly fout?: string;
  readonly optioneel?: boolean;
  readonly children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; invalid?: boolean }) => ReactNode;
}) {
  const beschrijvingId = props.beschrijving ? `${props.id}-beschrijving` : undefined;
  const foutId = props.fout ? `${props.id}-fout` : undefined;
  const beschreven = [beschrijvingId, foutId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      invalid={Boolean(props.fout)}
      className="kr-veld"
      label={
        <FormLabel htmlFor={props.id}>
          {props.label}
          {props.optioneel ? ' (niet verplicht)' : ''}
        </FormLabel>
      }
      description={props.beschrijving && <FormFieldDescription id={beschrijvingId}>{props.beschrijving}</FormFieldDescription>}
      errorMessage={props.fout && <FormFieldErrorMessage id={foutId}>{props.fout}</FormFieldErrorMessage>}
      input={props.children({ id: props.id, 'aria-describedby': beschreven, 'aria-invalid': props.fout ? true : undefined, invalid: Boolean(props.fout) })}
    />
  );
}

/** A labelled choice between coded options (`[code, text]`; a code may recur, as a programme's in its versions), after an empty first option. */
export function Keuzeveld(props: {
  readonly id: string;
  readonly label: string;
  readonly beschrijving?: string;
  readonly fout?: string;
  readonly optioneel?: boolean;
  /** The empty first option: `Kies een reden`. */
  readonly leeg: string;
  readonly opties: readonly (readonly [string, string])[];
  readonly waarde: string;
  readonly bijKeuze: (waarde: string) => void;
  /** Marks the field `required` for assistive technology (the form still checks it itself). */
  readonly verplicht?: boolean;
}) {
  return (
    <Veld id={props.id} label={props.label} beschrijving={props.beschrijving} fout={props.fout} optioneel={props.optioneel}>
      {(aria) => (
        <Select {...aria} value={props.waarde} onChange={(e) => props.bijKeuze(e.target.value)} required={props.verplicht}>
          <SelectOption value="">{props.leeg}</SelectOption>
          {props.opties.map(([code, tekst], i) => (
            <SelectOption key={`${i}:${code}`} value={code}>
              {tekst}
            </SelectOption>
          ))}
        </Select>
      )}
    </Veld>
  );
}

/**
 * A form's field errors and its attempts to send it, for {@link FoutenOverzicht}: `toonFouten` shows
 * what an attempt found (nothing: none) and counts the attempt; `nieuwePoging` counts one that failed otherwise.
 * `apiFout`: the error the API gave the last attempt.
 */
export function useFormulierFouten() {
  const [fouten, zetFouten] = useState<Readonly<Record<string, string>>>({});
  const [poging, zetPoging] = useState(0);
  const [apiFout, zetApiFout] = useState<ApiFout>();
  const nieuwePoging = () => zetPoging((n) => n + 1);
  const toonFouten = (gevonden: Readonly<Record<string, string>>) => {
    zetFouten(gevonden);
    nieuwePoging();
  };
  return { fouten, zetFouten, poging, nieuwePoging, toonFouten, apiFout, zetApiFout };
}

/**
 * Lists the form's errors at the top, each a link to its field, and takes focus after each
 * attempt to send the form (`poging` counts them), never while someone types.
 */
export function FoutenOverzicht(props: {
  readonly fouten: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly poging: number;
}) {
  const { fouten, labels, poging } = props;
  const blok = useRef<HTMLDivElement>(null);
  const sleutels = Object.keys(fouten);
  const heeftFouten = sleutels.length > 0;
  useEffect(() => {
    if (poging > 0 && heeftFouten) blok.current?.focus();
    // Only a new attempt moves focus; errors cleared while typing do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [poging]);
  if (sleutels.length === 0) return null;
  return (
    <div ref={blok} tabIndex={-1} className="kr-foutenoverzicht">
      <Alert type="error">
        <Paragraph>
          <strong>Controleer {sleutels.length === 1 ? 'het volgende veld' : `de volgende ${sleutels.length} velden`}:</strong>
        </Paragraph>
        <ul>
          {sleutels.map((sleutel) => (
            <li key={sleutel}>
              <a
                href={`#${sleutel}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(sleutel)?.focus();
                }}
              >
                {labels[sleutel] ?? sleutel}: {fouten[sleutel]}
              </a>
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}

/** A table of the house style (`kr-tabel`): its caption when given, one row of column headings, then the rows given. */
export function Tabel(props: {
  readonly koppen: readonly string[];
  readonly children: ReactNode;
  readonly bijschrift?: string;
  readonly 'aria-labelledby'?: string;
}) {
  return (
    <Table className="kr-tabel" aria-labelledby={props['aria-labelledby']}>
      {props.bijschrift === undefined ? null : <TableCaption>{props.bijschrift}</TableCaption>}
      <TableHeader>
        <TableRow>
          {props.koppen.map((kop) => (
            <TableHeaderCell key={kop} scope="col">
              {kop}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>{props.children}</TableBody>
    </Table>
  );
}
