export type {
  TestConnectionError,
  AnyTestConnectionError,
  TestConnectionErrorDataOfType,
  TestConnectionErrorType,
} from "./test-connection-error";
