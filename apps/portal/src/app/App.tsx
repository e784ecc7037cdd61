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
            <Route path="/" element={beveiligd(<StartPagina />)} />
            <Route path="/deelnemers/nieuw" element={beveiligd(<AanmeldenPagina />)} />
            <Route path="/deelnemers/:id" element={beveiligd(<DeelnemerPagina />)} />
            <Route path="/deelnemers/:id/traject-starten" element={beveiligd(<TrajectStartenPagina />)} />
            <Route path="/trajecten" element={beveiligd(<MijnTrajectenPagina />)} />
            <Route path="/trajecten/:id" element={beveiligd(<TrajectPagina />)} />
            <Route path="/trajecten/:id/vastleggen/:actie" element={beveiligd(<TrajectVastleggenPagina />)} />
            <Route path="/signalen" element={beveiligd(<SignalenPagina />)} />
            <Route path="/taken" element={beveiligd(<MijnTakenPagina />)} />
            {/* Warme overdracht, the deelnemer's own data, the FG. */}
            <Route path="/trajecten/:id/overdracht" element={beveiligd(<OverdrachtAanvragenPagina />)} />
            <Route path="/overdrachten" element={beveiligd(<OverdrachtenPagina />)} />
            <Route path="/overdrachten/:id" element={beveiligd(<OverdrachtPagina />)} />
            <Route path="/overdrachten/:id/dossier" element={beveiligd(<DossierPagina />)} />
            <Route path="/mijn-gegevens" element={beveiligd(<MijnGegevensPagina />)} />
            <Route path="/fg/register" element={beveiligd(<VerwerkingsregisterPagina />)} />
            <Route path="/fg/verificatie" element={beveiligd(<VerificatiePagina />)} />
            <Route path="/werkgever/plaatsingen" element={beveiligd(<WerkgeverPlaatsingenPagina />)} />
            <Route path="/stuurgroep/dashboard" element={laadDashboard} />
            <Route path="*" element={<NietGevondenPagina />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </SessieProvider>
  );
}
