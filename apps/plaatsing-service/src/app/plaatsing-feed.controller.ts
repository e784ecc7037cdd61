import { PlaatsingFeedService } from '@ketenregie/plaatsing-application';
import { feedController } from '@ketenregie/shared-platform';

/** The plaatsing context's outbox as a feed of CloudEvents (service token only, codes and organisation ids only). */
export const PlaatsingFeedController = feedController(
  'plaatsing-gebeurtenissen',
  'plaatsingen',
  "Placement events after a sequence number, oldest first (monitor-service's projection reads them)",
  PlaatsingFeedService,
);
