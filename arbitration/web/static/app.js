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
        const box = el.closest("tr, p");
        const msg = box && box.querySelector(".msg");
        const bar = box && box.querySelector(".case-progress");
        if (msg) msg.textContent = s.message;
        if (bar && s.total) { bar.max = s.total; bar.value = s.done; }
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

// Upload with a progress bar: the form posts to the JSON API by XMLHttpRequest (upload.onprogress), then opens the
// new case, whose page shows the reading progress. Without scripts the form posts to /cases as a plain form.
function uploadForm() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const state = form.querySelector(".upload-state");
  const bar = document.getElementById("upload-progress");
  const label = document.getElementById("upload-status");
  const error = document.getElementById("upload-error");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData();
    data.append("title", form.elements.title.value);
    let count = 0;
    for (const input of form.querySelectorAll('input[type="file"]')) {
      for (const f of input.files) {
        const path = f.webkitRelativePath || f.name;
        if (path.split("/").some((part) => part.startsWith(".") || part.startsWith("~$"))) continue;
        data.append("files", f, f.name);
        count++;
      }
    }
    error.hidden = true;
    if (!count) { error.textContent = "请选择案卷文件或文件夹"; error.hidden = false; return; }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    state.hidden = false;
    label.textContent = `正在上传 ${count} 个文件……`;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/cases");
    xhr.setRequestHeader("X-CSRF-Token", csrf());
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      bar.max = e.total; bar.value = e.loaded;
      label.textContent = `正在上传 ${count} 个文件：${Math.round((100 * e.loaded) / e.total)}%`;
    };
    xhr.onload = () => {
      if (xhr.status === 201 && xhr.response) { location.href = `/cases/${xhr.response.id}`; return; }
      const d = xhr.response && xhr.response.detail;
      error.textContent = "上传失败：" + (typeof d === "string" ? d : Array.isArray(d) ? d.map((x) => x.msg).join("；") : (d && d.message) || xhr.statusText || xhr.status);
      error.hidden = false; state.hidden = true; button.disabled = false;
    };
    xhr.onerror = () => { error.textContent = "上传失败：无法连接服务器"; error.hidden = false; state.hidden = true; button.disabled = false; };
    xhr.send(data);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  uploadForm();
  document.querySelectorAll("form[data-confirm]").forEach((f) =>
    f.addEventListener("submit", (ev) => { if (!confirm(f.dataset.confirm)) ev.preventDefault(); }));
  document.querySelectorAll("form[data-busy]").forEach((f) =>
    f.addEventListener("submit", () => { const b = f.querySelector("button"); b.disabled = true; b.textContent = f.dataset.busy; }));
  pollCases();
  pollJob();
});
