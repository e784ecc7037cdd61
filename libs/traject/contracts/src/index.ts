export * from './traject.state';
export * from './traject.dto';
export * from './traject.deelnemer';
export * from './traject.overzicht';
export * from './traject.activities';
export * from './traject.workflow-contract';
export * from './traject.overdracht';
export * from './programma.dto';
