import { followUpsJob } from "~/boards/boards-jobs.server";
import { scheduledCampaignsJob } from "~/campaigns/campaign-jobs.server";
import { confirmationReminderJob } from "~/cfp/cfp-jobs.server";
import { helpRemindersJob, helpRetentionJob } from "~/help/help-jobs.server";
import type { PeriodicJob } from "~/infra/periodic-jobs.server";
import { forgetOldHitsJob } from "~/infra/rate-limit.server";
import { remindersJob } from "~/notices/notice-jobs.server";
import { expireCheckoutSessions } from "~/payments/card-payments.server";
import { seriesRemindersJob } from "~/series/series-jobs.server";
import { surveysJob } from "~/surveys/survey-jobs.server";
import { orderExpiryJob, waitingListJob } from "~/ticketing/ticketing-jobs.server";
import { wallSourcesJob } from "~/wall/wall-jobs.server";

// The work besides answering requests, one list for every process that runs it: the server itself
// unless OUTBOX_WORKER=off, the primary process of a cluster, or `npm run worker`.
export const periodicJobs: PeriodicJob[] = [
  confirmationReminderJob,
  orderExpiryJob(expireCheckoutSessions),
  waitingListJob,
  scheduledCampaignsJob,
  remindersJob,
  wallSourcesJob,
  surveysJob,
  seriesRemindersJob,
  followUpsJob,
  forgetOldHitsJob,
  helpRemindersJob,
  helpRetentionJob,
];
