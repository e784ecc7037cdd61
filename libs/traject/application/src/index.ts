export * from './traject.ports';
export * from './traject.service';
export * from './traject-activiteiten.service';
export * from './traject-verwerkingslog';
export * from './programma.service';
export * from './tijdlijn-weergave';
export * from './traject-feed.service';
export * from './wissing.service';
