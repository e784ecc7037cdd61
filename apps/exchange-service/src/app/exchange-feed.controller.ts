import { ExchangeFeedService } from '@ketenregie/exchange-application';
import { feedController } from '@ketenregie/shared-platform';

/** The exchange context's outbox as a feed of CloudEvents (service token only, codes and organisation ids only). */
export const ExchangeFeedController = feedController(
  'exchange-gebeurtenissen',
  'overdrachten',
  "Handover and referral events after a sequence number, oldest first (monitor-service's projection reads them)",
  ExchangeFeedService,
);
