// Loads the browser validator, checks the record given as ?record=NAME (served beside this page) and prints
// the times and the §6 entry into <pre id="out">, for run.sh to read from Chromium's DOM dump.
import { handbookValidator } from "./handbook-validator.js";
const out = document.getElementById("out");
try {
  const record = new URLSearchParams(location.search).get("record") ?? "record.docx";
  const t0 = performance.now();
  await handbookValidator.ready();
  const t1 = performance.now();
  const bytes = await (await fetch(record)).arrayBuffer();
  const entry = await handbookValidator.validate(bytes, record);
  const t2 = performance.now();
  out.textContent = `ready ${Math.round(t1 - t0)} ms; validate ${Math.round(t2 - t1)} ms; ${JSON.stringify(entry)}`;
} catch (e) {
  out.textContent = "FAIL " + e;
}
