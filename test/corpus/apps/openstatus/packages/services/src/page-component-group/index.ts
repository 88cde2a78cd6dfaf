export { createPageComponentGroup } from "./create";
export { deletePageComponentGroup } from "./delete";
export { updatePageComponentGroup } from "./update";

export {
  CreatePageComponentGroupInput,
  DeletePageComponentGroupInput,
  UpdatePageComponentGroupInput,
} from "./schemas";
