/** Which notes are compared: the shared rule in `src/shared/core/selection.ts`. */
export type { NoteSelection } from "../../shared/core/selection";
export { comparedNotes, isComparedNote, isSelectedNote, selectNotes } from "../../shared/core/selection";
