export {
  createPageSubscriber,
  type CreatePageSubscriberResult,
} from "./create";
export { deletePageSubscriber } from "./delete";
export {
  type SubscriberByTokenResult,
  getSubscriberByToken,
} from "./get-by-token";
export { hasPendingSubscriber } from "./has-pending";
export { listPageSubscribers, type PageSubscriberListItem } from "./list";
export { sendPageSubscriberTestWebhook } from "./send-test-webhook";
export {
  createSlackSubscriber,
  listSlackSubscribersForChannel,
  removeSlackSubscriber,
  type SlackSubscriberResult,
  type SlackSubscriptionSummary,
} from "./slack";
export { unsubscribeSubscriber } from "./unsubscribe";
export { unsubscribePageSubscriber } from "./unsubscribe-in-workspace";
export { updatePageSubscriberChannel } from "./update";
export { updateSubscriberScope } from "./update-scope";
export {
  type UpsertSelfSignupResult,
  upsertSelfSignupSubscriber,
} from "./upsert";
export { type VerifyResult, verifySelfSignupSubscriber } from "./verify";
export {
  CreatePageSubscriberInput,
  CreateSlackSubscriberInput,
  DeletePageSubscriberInput,
  GetSubscriberByTokenInput,
  HasPendingSubscriberInput,
  ListPageSubscribersInput,
  ListSlackSubscribersInput,
  RemoveSlackSubscriberInput,
  SendPageSubscriberTestWebhookInput,
  UnsubscribePageSubscriberInput,
  UnsubscribeSubscriberInput,
  UpdatePageSubscriberChannelInput,
  UpdateSubscriberScopeInput,
  UpsertSelfSignupSubscriberInput,
  VerifySelfSignupSubscriberInput,
} from "./schemas";
// Exposed so the (router-side) public procedures can use the same
// allow-list as the protected procedures going through `toTRPCError`.
export { SAFE_SUBSCRIPTION_MESSAGES } from "./internal";
