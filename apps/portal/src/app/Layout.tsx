import { Button, Link, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { rolLabel } from '../format/labels';
import { menuVoor } from './navigatie';
import { useSessie } from './sessie-context';

/** The frame of every page: skip link, header with menu and who is signed in, main, footer. */
export function Layout({ children }: { readonly children: ReactNode }) {
  const { sessie, uitloggen } = useSessie();
  const navigate = useNavigate();
  return (
    <div className="kr-pagina">
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <PageHeader className="kr-kop">
        <div className="kr-kop__binnen">
          <NavLink to="/" className="kr-merk">
            Ketenregie
          </NavLink>
          {sessie && (
            <nav aria-label="Hoofdmenu" className="kr-menu">
              <ul>
                {menuVoor(sessie.rol, sessie.organisatieType).map((item) => (
                  <li key={item.pad}>
                    <NavLink to={item.pad} end className={({ isActive }) => (isActive ? 'kr-menu__link kr-menu__link--actief' : 'kr-menu__link')}>
                      {item.titel}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {sessie && (
            <div className="kr-wie">
              <span>
                {rolLabel(sessie.rol)} bij {sessie.organisatieNaam ?? sessie.organisatie}
              </span>
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  void uitloggen().then(() => navigate('/inloggen'));
                }}
              >
                Uitloggen
              </Button>
            </div>
          )}
        </div>
      </PageHeader>
      <PageContent className="kr-inhoud">
        <main id="inhoud" tabIndex={-1}>
          {children}
        </main>
      </PageContent>
      <PageFooter className="kr-voet">
        <Paragraph>
          Ketenregie voor het samenwerkingsverband. <Link href="/api/v1/docs">API-documentatie</Link>
        </Paragraph>
      </PageFooter>
    </div>
  );
}
