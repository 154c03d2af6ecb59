/**
 * Yielding to the app's event loop between slices of background work (see core/slicer.ts):
 * `scheduler.yield()` where the runtime has it (it resumes ahead of other queued work), else a
 * message-channel round trip (unlike a timer, not throttled to once a second in a background
 * window), else a zero timer.
 */
import { TimeSlicer, type Slicer } from "./core/slicer";

interface SchedulerWithYield {
	yield(): Promise<void>;
}

function schedulerYield(): (() => Promise<void>) | null {
	const scheduler = (window as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
	return typeof scheduler?.yield === "function" ? () => (scheduler as SchedulerWithYield).yield() : null;
}

export function yieldToApp(): Promise<void> {
	const viaScheduler = schedulerYield();
	if (viaScheduler) return viaScheduler();
	if (typeof MessageChannel === "function") {
		return new Promise((resolve) => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => {
				channel.port1.close();
				resolve();
			};
			channel.port2.postMessage(null);
		});
	}
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/** A slicer for background work in the app. */
export function appSlicer(): Slicer {
	return new TimeSlicer(() => performance.now(), yieldToApp);
}
