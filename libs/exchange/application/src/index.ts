export * from './exchange.ports';
export * from './exchange.gebeurtenissen';
export * from './overdracht.service';
export * from './overdracht-activiteiten.service';
export * from './verwijzing.service';
export * from './outbox.bezorger';
export * from './exchange-feed.service';
