export { createPrivateLocation } from "./create";
export { deletePrivateLocation } from "./delete";
export { getPrivateLocation } from "./get";
export { listPrivateLocations } from "./list";
export { setPrivateLocationStatus } from "./set-status";
export { updatePrivateLocation } from "./update";
export {
  CreatePrivateLocationInput,
  DeletePrivateLocationInput,
  GetPrivateLocationInput,
  ListPrivateLocationsInput,
  PrivateLocationMetadata,
  SetPrivateLocationStatusInput,
  UpdatePrivateLocationInput,
} from "./schemas";
