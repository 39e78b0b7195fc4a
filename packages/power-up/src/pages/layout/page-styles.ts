/**
 * The one stylesheet, inlined in every page (a page is one request: no second round trip inside the host's frame).
 * System fonts, no images. Colours meet WCAG AA contrast on white; focus is always visible (a thick outline that
 * does not rely on colour alone). Keep it small: every page carries it.
 */
export const PAGE_STYLES = `
:root{--ink:#1b1f24;--muted:#4f5862;--line:#c9cfd6;--soft:#f3f5f7;--accent:#0b5cad;--ok:#1d6b34;--warn:#8a4b00;--bad:#a4161a;--focus:#ffbf47}
*{box-sizing:border-box}
html{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
body{margin:0;padding:0 1rem 1.5rem}
.skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem;z-index:1}
.skip-link:focus{left:.5rem}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--ink)}
header{display:flex;align-items:baseline;gap:1rem;border-bottom:1px solid var(--line);padding:.5rem 0;margin-bottom:.75rem}
header .app{font-weight:600;color:var(--muted)}
h1{font-size:1.3rem;margin:.25rem 0 .75rem}
h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
a{color:var(--accent)}
table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:var(--muted)}
.badge{display:inline-block;padding:0 .4rem;border:1px solid currentColor;border-radius:.25rem;font-size:.85rem;white-space:nowrap}
.ok{color:var(--ok)}.warn{color:var(--warn)}.bad{color:var(--bad)}
.empty{padding:.75rem;background:var(--soft);border-radius:.25rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
label{display:block;font-weight:600;margin:.5rem 0 .2rem}
input,select,textarea,button{font:inherit;color:inherit}
input,select,textarea{border:1px solid var(--muted);border-radius:.25rem;padding:.3rem .4rem;max-width:100%}
button,.button{display:inline-block;background:var(--accent);color:#fff;border:0;border-radius:.25rem;padding:.4rem .9rem;cursor:pointer;text-decoration:none}
.field-error{color:var(--bad);font-weight:600;margin:.2rem 0}
.refusal{max-width:36rem;margin:2rem auto;border-left:4px solid var(--bad);padding:.5rem 1rem}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
`
  .trim()
  .replace(/\n/g, '');
