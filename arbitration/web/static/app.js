// Small helpers for every page: CSRF-aware fetch, case status polling, confirmations, job progress.
"use strict";
const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

async function api(path, options = {}) {
  const opts = Object.assign({ credentials: "same-origin", headers: {} }, options);
  opts.headers = Object.assign({ "X-CSRF-Token": csrf() }, opts.headers);
  if (opts.json !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(opts.json);
    delete opts.json;
  }
  const resp = await fetch(path, opts);
  const data = resp.headers.get("content-type", "").includes("json") ? await resp.json() : null;
  if (!resp.ok) throw new Error((data && data.detail && (data.detail.message || data.detail)) || resp.statusText);
  return data;
}
window.arbApi = api;

function pollCases() {
  const cells = document.querySelectorAll("[data-case-status]");
  const pending = [...cells].filter((el) => el.dataset.status === "processing" || el.dataset.status === "new");
  if (!pending.length) return;
  setTimeout(async () => {
    for (const el of pending) {
      try {
        const s = await api(`/api/cases/${el.dataset.caseStatus}/status`);
        if (s.status !== el.dataset.status) {
          if (el.dataset.reload || s.status === "ready") { location.reload(); return; }
          el.dataset.status = s.status;
        }
      } catch (e) { /* keep polling */ }
    }
    pollCases();
  }, 1500);
}

function pollJob() {
  const card = document.querySelector("[data-job]");
  if (!card || ["done", "failed"].includes(card.dataset.jobStatus)) return;
  setTimeout(async () => {
    try {
      const job = await api(`/api/jobs/${card.dataset.job}`);
      card.querySelector(".job-progress").max = job.total;
      card.querySelector(".job-progress").value = job.done;
      card.querySelector(".job-count").textContent = `${job.done}/${job.total}`;
      card.querySelector(".job-message").textContent = job.message;
      const body = card.querySelector(".job-results");
      body.replaceChildren(...Object.entries(job.results).map(([k, v]) => {
        const tr = document.createElement("tr");
        const a = document.createElement("a");
        a.href = `/cases/${k}/award`; a.textContent = k;
        const td1 = document.createElement("td"); td1.append(a);
        const td2 = document.createElement("td"); td2.textContent = v;
        tr.append(td1, td2); return tr;
      }));
      card.dataset.jobStatus = job.status;
    } catch (e) { /* keep polling */ }
    pollJob();
  }, 1500);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-confirm]").forEach((f) =>
    f.addEventListener("submit", (ev) => { if (!confirm(f.dataset.confirm)) ev.preventDefault(); }));
  document.querySelectorAll("form[data-busy]").forEach((f) =>
    f.addEventListener("submit", () => { const b = f.querySelector("button"); b.disabled = true; b.textContent = f.dataset.busy; }));
  pollCases();
  pollJob();
});
