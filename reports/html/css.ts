// The stylesheet, inline: the report is one file that works offline and attached
// to a ticket, so nothing may be fetched — no fonts, no scripts, no images.
export const CSS = `
:root{--good:#15803d;--good-bg:#dcfce7;--bad:#b91c1c;--bad-bg:#fee2e2;--warn:#b45309;--warn-bg:#fef3c7;--neutral:#475569;--neutral-bg:#e2e8f0;--ink:#111827;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#f8fafc}
main{max-width:1000px;margin:0 auto;padding:24px 20px 60px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:19px;margin:0}h3{font-size:15px;margin:26px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.sub{color:var(--muted);margin:0 0 18px}
section.drill{background:#fff;border:1px solid var(--line);border-radius:10px;padding:0 20px 20px;margin:22px 0;overflow:hidden}
.verdict{margin:0 -20px 16px;padding:16px 20px;display:flex;gap:20px;align-items:center;border-bottom:1px solid var(--line)}
.verdict .badge{font-size:30px;font-weight:800;letter-spacing:.04em;text-transform:uppercase;padding:6px 16px;border-radius:8px;color:#fff;white-space:nowrap}
.verdict .what{flex:1}.verdict .what p{margin:2px 0;color:var(--muted)}
.tone-good .badge{background:var(--good)}.tone-good{background:var(--good-bg)}
.tone-bad .badge{background:var(--bad)}.tone-bad{background:var(--bad-bg)}
.tone-warn .badge{background:var(--warn)}.tone-warn{background:var(--warn-bg)}
.tone-neutral .badge{background:var(--neutral)}.tone-neutral{background:var(--neutral-bg)}
.chips{margin-top:8px!important;display:flex;flex-wrap:wrap;gap:6px}.chips .st{font-size:13px;border:1px solid currentColor}
.reason{font-weight:600;color:var(--ink)!important}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f1f5f9;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.st{font-weight:700;padding:1px 8px;border-radius:10px;white-space:nowrap}
.st-met,.st-passed,.st-fresh{color:var(--good);background:var(--good-bg)}.st-missed,.st-failed,.st-error,.st-stale{color:var(--bad);background:var(--bad-bg)}
.st-not-measured,.st-not-started,.st-never{color:var(--neutral);background:var(--neutral-bg)}.st-inconclusive,.st-interrupted{color:var(--warn);background:var(--warn-bg)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 16px;margin:6px 0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:12px;color:var(--muted);margin:4px 0}.legend i{display:inline-block;width:12px;height:10px;margin-right:4px;vertical-align:-1px;border-radius:2px}
.note{font-size:12px;color:var(--muted)}
svg.chart{display:block;width:100%;height:auto;max-width:960px;font-family:inherit}
svg .fault{fill:#f97316;fill-opacity:.13}svg .loss-window{fill:#ef4444;fill-opacity:.22}
svg .grid{stroke:#eef0f3}svg .panel{fill:none;stroke:#d1d5db}svg .series{fill:none;stroke-width:1.6}
svg .tick{font-size:10px;fill:#6b7280}svg .plabel{font-size:11px;fill:#374151;font-weight:600}svg .lane-label{font-size:11px;font-weight:600}
svg .mlabel{font-size:11px;font-weight:700}svg .bound{stroke:#d97706;stroke-dasharray:3 3}svg .bound-label{fill:#b45309}
svg .lane-bg{fill:#f1f5f9}svg .lane-ok{fill:#86efac}svg .lane-slow{fill:#f59e0b}svg .lane-err{fill:#dc2626}
svg .objective{stroke:#2563eb;stroke-dasharray:6 4}svg .objective-label{fill:#2563eb}svg .dot-passed{fill:#16a34a}svg .dot-failed{fill:#dc2626}svg .dot{stroke:#fff;stroke-width:1}
svg .lost{fill:#dc2626}svg .lost-after{fill:#7e22ce}svg .trend-rto{stroke:#2563eb}svg .trend-rpo{stroke:#9333ea}
figure{margin:8px 0}figcaption.view{font-weight:600;font-size:13px;margin:4px 0}
.trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(440px,100%),1fr));gap:10px}table.matrix td{min-width:120px}
table.log td:first-child,table.probes td:nth-child(3),table.probes td:nth-child(4){white-space:nowrap}
a{color:#1d4ed8}nav.toc{margin:14px 0}
footer{color:var(--muted);font-size:12px;margin-top:30px}
td,th{overflow-wrap:anywhere}ul.actions{padding-left:14px;margin:0}ul.deviations{padding-left:18px}
/* A phone (390 px): nothing wider than the screen, so verdicts and findings are never cut off; tables wrap, not scroll. */
@media (max-width:640px){
main{padding:12px 8px 40px}section.drill{padding:0 10px 14px;margin:14px 0}
.verdict{margin:0 -10px 12px;padding:12px 10px;flex-wrap:wrap;gap:8px}.verdict .badge{font-size:22px;padding:4px 12px}
.st{white-space:normal;padding:1px 4px}table{font-size:11px;table-layout:fixed}th,td{padding:3px;word-break:break-word}
table.matrix td{min-width:0}table.log td:first-child,table.probes td{white-space:normal}
dl.facts{grid-template-columns:1fr;gap:0}dl.facts dt{font-weight:600;margin-top:4px}
h1{font-size:19px}
}
/* Print: the verdict and objectives start page 1, each later drill starts a page, charts and headings are never split from what they head. */
@media print{
body{background:#fff;font-size:12px}main{max-width:none;padding:0}
section.drill{break-inside:auto;border:none;padding:0;margin:0 0 12px;overflow:visible}
section.drill+section.drill{break-before:page}
h2,h3{break-after:avoid}figure,svg.chart,tr,.verdict,dl.facts,.legend{break-inside:avoid}
.verdict{margin:0 0 10px}
table{table-layout:fixed;font-size:11px}table.matrix td{min-width:0}.st{white-space:normal}th,td{padding:3px 4px}
}
`;
