/** How a criterion reads a property: `src/shared/core/criterion-values.ts` (comparison blocks filter with it too). */
export * from "../../shared/core/criterion-values";
