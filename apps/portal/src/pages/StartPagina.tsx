import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link as RouterLink } from 'react-router';
import { menuVoor } from '../app/navigatie';
import { PaginaTitel } from '../app/onderdelen';
import { useIngelogd } from '../app/sessie-context';
import { rolLabel } from '../format/labels';

/** The home page: what this role can do here. */
export function StartPagina() {
  const sessie = useIngelogd();
  const menu = menuVoor(sessie.rol, sessie.organisatieType);
  return (
    <>
      <PaginaTitel>Welkom</PaginaTitel>
      <Paragraph>
        U bent ingelogd als {rolLabel(sessie.rol).toLowerCase()} bij {sessie.organisatieNaam ?? sessie.organisatie}.
      </Paragraph>
      <Heading2>Wat wilt u doen?</Heading2>
      {menu.length > 0 ? (
        <ul className="kr-taken-menu">
          {menu.map((item) => (
            <li key={item.pad}>
              <RouterLink to={item.pad}>{item.titel}</RouterLink>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>Voor uw rol zijn er in het portaal nog geen pagina&apos;s.</Paragraph>
      )}
    </>
  );
}
