import { Paragraph } from '@utrecht/component-library-react';
import { Link as RouterLink } from 'react-router';
import { PaginaTitel } from '../app/onderdelen';

export function NietGevondenPagina() {
  return (
    <>
      <PaginaTitel>Pagina niet gevonden</PaginaTitel>
      <Paragraph>
        Deze pagina bestaat niet. <RouterLink to="/">Naar de startpagina</RouterLink>
      </Paragraph>
    </>
  );
}
