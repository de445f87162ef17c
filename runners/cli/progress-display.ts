// The live view of a running drill, a subscriber to its event stream: the phase,
// time since the fault, availability over the last second, and whether each
// probe has recovered. On a terminal one line is redrawn; elsewhere (CI logs)
// only phase changes and fault events are printed.
import type { DrillEvent } from "../drill/bus.ts";
import { paint } from "./output.ts";

export function progressDisplay(stream: NodeJS.WriteStream = process.stderr): (e: DrillEvent) => void {
  const live = Boolean(stream.isTTY) && !("CI" in process.env);
  let scenario = "";
  let phase = "";
  let t0: number | undefined;
  let window: boolean[] = [];
  let lastDraw = 0;
  const line = (text: string) => stream.write(live ? `\r\u001b[2K${text}` : `${text}\n`);
  const stamp = (t: number) => (t0 === undefined ? "" : ` t0${t >= t0 ? "+" : "−"}${(Math.abs(t - t0) / 1000).toFixed(1)}s`);
  return (e) => {
    switch (e.type) {
      case "drill-started":
        scenario = e.scenario.name;
        t0 = undefined;
        if (live) stream.write("\n");
        line(paint.bold(`▶ ${scenario}`) + paint.dim(` (${e.scenario.service}, ${e.scenario.hazard})`));
        if (live) stream.write("\n");
        break;
      case "phase":
        phase = e.phase;
        if (!live || e.status !== "started") line(`  ${e.phase} ${e.status}${stamp(e.t)}${e.detail ? paint.dim(`: ${e.detail}`) : ""}`);
        if (live) stream.write("\n");
        break;
      case "fault":
        if (e.event === "injected") t0 ??= e.t;
        if (e.event !== "healing") {
          line(`  ${paint.yellow("fault")} ${e.event}${stamp(e.t)}${e.detail ? paint.dim(`: ${e.detail}`) : ""}`);
          if (live) stream.write("\n");
        }
        break;
      case "sample":
        window.push(e.ok);
        if (window.length > 300) window = window.slice(-300);
        if (live && e.t - lastDraw > 100) {
          lastDraw = e.t;
          const ok = window.filter(Boolean).length;
          const pct = (100 * ok) / window.length;
          const colour = pct >= 99 ? paint.green : pct >= 50 ? paint.yellow : paint.red;
          line(`  ${phase}${stamp(e.t)}  availability ${colour(`${pct.toFixed(0)}%`)}`);
        }
        break;
      case "step":
        line(`  ${paint.cyan("step")} ${e.step} ${e.event}${stamp(e.t)}${e.by ? ` by ${e.by}` : ""}${e.note ? paint.dim(`: ${e.note}`) : ""}`);
        if (live) stream.write("\n");
        break;
      case "summary":
        if (live) stream.write("\r\u001b[2K");
        break;
      default:
        break;
    }
  };
}
