import { feedController } from '@ketenregie/shared-platform';
import { TrajectFeedService } from '@ketenregie/traject-application';

/** The traject context's outbox as a feed of CloudEvents (service token only, no personal data). */
export const TrajectFeedController = feedController(
  'traject-gebeurtenissen',
  'trajecten',
  "Published traject events after a sequence number, oldest first (monitor-service's projection reads them)",
  TrajectFeedService,
);
