import { ToestemmingFeedService } from '@ketenregie/consent-application';
import { feedController } from '@ketenregie/shared-platform';

/** The consent context's outbox as a feed of CloudEvents (service token only, no personal data). */
export const ToestemmingFeedController = feedController(
  'toestemming-gebeurtenissen',
  'toestemmingen',
  "Consents given and withdrawn after a sequence number, oldest first (monitor-service's projection reads them)",
  ToestemmingFeedService,
);
