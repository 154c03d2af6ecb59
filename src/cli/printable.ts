/** The CLI's printable names: the pure rule lives in shared/core (the comparison's terminal table uses it too). */
export * from "../shared/core/printable";
