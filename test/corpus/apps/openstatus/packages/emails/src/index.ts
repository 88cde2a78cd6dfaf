export { default as FeedbackEmail } from "../emails/feedback";
export { default as FollowUpEmail } from "../emails/followup";
export { default as SlackFeedbackEmail } from "../emails/slack-feedback";
export { default as SubscribeEmail } from "../emails/subscribe";
export { default as TeamInviteReminderEmail } from "../emails/team-invite-reminder";
export { default as WelcomeEmail } from "../emails/welcome";
export { default as TeamInvitationEmail } from "../emails/team-invitation";
export { default as MonitorPausedEmail } from "../emails/monitor-paused";
export { default as MonitorDeactivationEmail } from "../emails/monitor-deactivation";
export { default as PrivateLocationAlertEmail } from "../emails/private-location-alert";
export { default as StatusPageMagicLinkEmail } from "../emails/status-page-magic-link";
export { default as SsoDisabledEmail } from "../emails/sso-disabled";

export { monitorDeactivationEmail } from "../hotfix/monitor-deactivation";
export { monitorPausedEmail } from "../hotfix/monitor-paused";
export { sendEmail, sendEmailHtml, sendBatchEmailHtml } from "./send";

export { EmailClient } from "./client";
