// The write-refusing store's own process (write-refusing-store.ts): in the
// drill's process its clock would stall with the drill's event loop (spawning
// the fault's command blocks it), and the "truth" would move with the harness.
import { startWriteRefusingStore } from "./write-refusing-store.ts";

const s = await startWriteRefusingStore();
process.send!({ url: s.store.url, controlUrl: s.controlUrl });
process.on("message", (m: { ask?: string }) => {
  if (m.ask === "windows") process.send!({ windows: s.windows });
});
process.on("disconnect", () => void s.stop().then(() => process.exit(0)));
