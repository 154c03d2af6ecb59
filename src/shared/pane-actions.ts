/**
 * Pane actions: buttons that features add to the comparison pane's toolbar without importing the
 * comparison (which may not import them either). A feature adds one with
 * `host.paneActions.add(action)`; every pane shows one button per action, and a click runs the
 * action with the paths of the notes the pane shows at that moment (after search, filters and
 * selection), in the order shown.
 */

export interface PaneToolbarAction {
	/** Stable id (`data-action` on the button). */
	readonly id: string;
	/** The button's label (sentence case). */
	readonly name: string;
	/** A Lucide icon name shown before the label. */
	readonly icon: string;
	/** Runs on a click, with the vault paths of the notes shown. */
	run(paths: readonly string[]): void;
}

/** The plugin's pane actions, in the order added. */
export class PaneActions {
	private readonly actions: PaneToolbarAction[] = [];

	add(action: PaneToolbarAction): void {
		if (this.actions.some((a) => a.id === action.id)) throw new Error(`pane action "${action.id}" added twice`);
		this.actions.push(action);
	}

	list(): readonly PaneToolbarAction[] {
		return this.actions;
	}
}
