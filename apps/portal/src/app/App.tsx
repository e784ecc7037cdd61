import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { OIDC_TERUG_PAD } from '../auth/oidc-pad';
import { AanmeldenPagina } from '../pages/AanmeldenPagina';
import { DeelnemerPagina } from '../pages/DeelnemerPagina';
import { DossierPagina } from '../pages/DossierPagina';
import { VerificatiePagina, VerwerkingsregisterPagina } from '../pages/FgPaginas';
import { MijnGegevensPagina } from '../pages/MijnGegevensPagina';
import { OverdrachtAanvragenPagina } from '../pages/OverdrachtAanvragenPagina';
import { OverdrachtenPagina } from '../pages/OverdrachtenPagina';
import { OverdrachtPagina } from '../pages/OverdrachtPagina';
import { InloggenPagina } from '../pages/InloggenPagina';
import { MijnTakenPagina } from '../pages/MijnTakenPagina';
import { MijnTrajectenPagina } from '../pages/MijnTrajectenPagina';
import { NietGevondenPagina } from '../pages/NietGevondenPagina';
import { OidcTerugPagina } from '../pages/OidcTerugPagina';
import { SignalenPagina } from '../pages/SignalenPagina';
import { StartPagina } from '../pages/StartPagina';
import { TrajectPagina } from '../pages/TrajectPagina';
import { TrajectStartenPagina } from '../pages/TrajectStartenPagina';
import { TrajectVastleggenPagina } from '../pages/TrajectVastleggenPagina';
import { WerkgeverPlaatsingenPagina } from '../pages/WerkgeverPlaatsingenPagina';
import { Layout } from './Layout';
import { SessieProvider, useSessie } from './sessie-context';

/** Pages behind sign-in: without a session the visitor goes to /inloggen and comes back after. */
function VereistSessie({ children }: { readonly children: React.ReactNode }) {
  const { sessie } = useSessie();
  const locatie = useLocation();
  if (!sessie) return <Navigate to="/inloggen" replace state={{ terug: locatie.pathname + locatie.search }} />;
  return children;
}

const beveiligd = (pagina: React.ReactNode) => <VereistSessie>{pagina}</VereistSessie>;

/** The pages behind sign-in, by path. */
const BEVEILIGDE_PAGINAS: readonly (readonly [string, React.ComponentType])[] = [
  ['/', StartPagina],
  ['/deelnemers/nieuw', AanmeldenPagina],
  ['/deelnemers/:id', DeelnemerPagina],
  ['/deelnemers/:id/traject-starten', TrajectStartenPagina],
  ['/trajecten', MijnTrajectenPagina],
  ['/trajecten/:id', TrajectPagina],
  ['/trajecten/:id/vastleggen/:actie', TrajectVastleggenPagina],
  ['/signalen', SignalenPagina],
  ['/taken', MijnTakenPagina],
  // Warme overdracht, the deelnemer's own data, the FG.
  ['/trajecten/:id/overdracht', OverdrachtAanvragenPagina],
  ['/overdrachten', OverdrachtenPagina],
  ['/overdrachten/:id', OverdrachtPagina],
  ['/overdrachten/:id/dossier', DossierPagina],
  ['/mijn-gegevens', MijnGegevensPagina],
  ['/fg/register', VerwerkingsregisterPagina],
  ['/fg/verificatie', VerificatiePagina],
  ['/werkgever/plaatsingen', WerkgeverPlaatsingenPagina],
];

/** The stuurgroep's dashboard brings its chart library along, so it loads only when opened. */
const DashboardPagina = lazy(() => import('../pages/stuurgroep/DashboardPagina'));
const laadDashboard = <Suspense fallback={<p aria-live="polite">Bezig met laden…</p>}>{beveiligd(<DashboardPagina />)}</Suspense>;

/** The portal: routes and the page frame. */
export function App() {
  return (
    <SessieProvider>
      <BrowserRouter>
        <Layout>
          <Routes>
            <Route path="/inloggen" element={<InloggenPagina />} />
            <Route path={OIDC_TERUG_PAD} element={<OidcTerugPagina />} />
            {BEVEILIGDE_PAGINAS.map(([pad, Pagina]) => (
              <Route key={pad} path={pad} element={beveiligd(<Pagina />)} />
            ))}
            <Route path="/stuurgroep/dashboard" element={laadDashboard} />
            <Route path="*" element={<NietGevondenPagina />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </SessieProvider>
  );
}
