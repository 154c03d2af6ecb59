/** The criterion language lives in `src/shared/core/criteria.ts` (comparison blocks filter with it too). */
export * from "../../shared/core/criteria";
