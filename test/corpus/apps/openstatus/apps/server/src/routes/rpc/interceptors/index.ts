export { authInterceptor, getRpcContext, RPC_CONTEXT_KEY } from "./auth";
export type { RpcContext } from "./auth";
export { loggingInterceptor } from "./logging";
export { errorInterceptor } from "./error";
export { validationInterceptor } from "./validation";
export { trackingInterceptor } from "./tracking";
