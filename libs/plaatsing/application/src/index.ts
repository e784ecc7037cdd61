export * from './plaatsing.ports';
export * from './plaatsing.service';
export * from './plaatsing-activiteiten.service';
export * from './plaatsing-feed.service';
