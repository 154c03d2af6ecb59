/** Maps keyed by vault path: `src/shared/core/path-maps.ts` (living blocks use them too). */
export { dropKeys, moveKeys } from "../../shared/core/path-maps";
