import { matchesPrefix, routeFor, type Route } from './route-table';

describe('route table', () => {
  it('matches a prefix, everything below it and nothing that merely starts alike', () => {
    expect(matchesPrefix('/api/v1/organisaties', '/api/v1/organisaties')).toBe(true);
    expect(matchesPrefix('/api/v1/organisaties/', '/api/v1/organisaties')).toBe(true);
    expect(matchesPrefix('/api/v1/organisaties/gemeente-x', '/api/v1/organisaties')).toBe(true);
    expect(matchesPrefix('/api/v1/organisatiesx', '/api/v1/organisaties')).toBe(false);
    expect(matchesPrefix('/api/v1', '/api/v1/organisaties')).toBe(false);
    expect(matchesPrefix('/api/v1/stuurgroepen/', '/api/v1/organisaties')).toBe(false);
  });

  it('lets a :param segment match exactly one segment', () => {
    expect(matchesPrefix('/api/v1/deelnemers/abc/inzage', '/api/v1/deelnemers/:id/inzage')).toBe(true);
    expect(matchesPrefix('/api/v1/deelnemers/{id}/inzage', '/api/v1/deelnemers/:id/inzage')).toBe(true);
    expect(matchesPrefix('/api/v1/deelnemers//inzage', '/api/v1/deelnemers/:id/inzage')).toBe(false);
    expect(matchesPrefix('/api/v1/deelnemers/abc', '/api/v1/deelnemers/:id/inzage')).toBe(false);
  });

  it('routes to the first matching entry, ignoring the query string', () => {
    const routes = [
      { prefix: '/api/v1/deelnemers/:id/inzage', service: 'consent' },
      { prefix: '/api/v1/deelnemers', service: 'traject' },
    ] as unknown as Route[];
    expect(routeFor('/api/v1/deelnemers/d1/inzage?format=html', routes)?.service).toBe('consent');
    expect(routeFor('/api/v1/deelnemers/d1', routes)?.service).toBe('traject');
    expect(routeFor('/api/v1/openapi.json', routes)).toBeUndefined();
  });

  it("sends a deelnemer's inzage to consent-service and the rest of /deelnemers and the traject resources to traject-service", () => {
    expect(routeFor('/api/v1/deelnemers/d1/inzage')?.service).toBe('consent-service');
    expect(routeFor('/api/v1/vrijgaveprofielen?ontvangerType=ggz')?.service).toBe('consent-service');
    expect(routeFor('/api/v1/deelnemers')?.service).toBe('traject-service');
    for (const path of ['/api/v1/programmas', '/api/v1/trajecten/t1/tijdlijn', '/api/v1/taken?status=open', '/api/v1/caseload-overdrachten']) {
      expect(routeFor(path)?.service).toBe('traject-service');
    }
  });
});
