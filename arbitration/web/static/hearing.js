// Live hearing page: microphone → AudioWorklet (16 kHz Int16) → WebSocket → hearing library; renders committed
// and tentative text, role buttons, and inline edits saved as revisions through the JSON API.
"use strict";
(function () {
  const root = document.getElementById("hearing");
  if (!root) return;
  const hid = root.dataset.hearing;
  const canEdit = root.dataset.canEdit === "1";
  const committed = document.getElementById("committed");
  const tentative = document.getElementById("tentative");
  const status = document.getElementById("rec-status");
  const startBtn = document.getElementById("rec-start");
  const stopBtn = document.getElementById("rec-stop");
  const hintBar = document.getElementById("hint");
  const seats = [...document.querySelectorAll(".roles .role")].map((b) => b.dataset.role);
  let socket = null, ctx = null, stream = null, node = null, role = "首席仲裁员", finished = false;

  function render(update) {
    if (update.type === "error") { status.textContent = update.message; return; }
    if (update.type !== "update") return;
    committed.replaceChildren(...update.committed.map((seg) => {
      const li = document.createElement("li");
      li.dataset.segment = seg.id;
      let who;
      if (canEdit && seats.length) {
        // the speaker can be corrected after the fact; the change is stored as a revision like a text edit
        who = document.createElement("select");
        who.className = "speaker";
        who.setAttribute("aria-label", "发言人");
        for (const seat of new Set([seg.role, ...seats])) {
          const o = document.createElement("option");
          o.value = seat; o.textContent = seat + "："; o.selected = seat === seg.role;
          who.append(o);
        }
        who.addEventListener("change", () => saveRole(seg, who.value));
      } else {
        who = document.createElement("span");
        who.className = "speaker"; who.textContent = seg.role + "：";
      }
      const text = document.createElement("span");
      text.className = "text"; text.textContent = seg.text;
      if (canEdit) {
        text.contentEditable = "true";
        text.addEventListener("blur", () => save(seg, text));
        text.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); text.blur(); } });
      }
      li.append(who, text);
      if (seg.revisions) { const r = document.createElement("span"); r.className = "revised"; r.textContent = `（已修订 ${seg.revisions} 次）`; li.append(r); }
      return li;
    }));
    tentative.textContent = update.tentative || "";
    showHint((update.hints || []).slice(-1)[0]);
    if (update.notes && update.notes.length) status.textContent = update.notes.join("；");
    if (update.final) { finished = true; status.textContent = "已停止，笔录已保存"; }
  }

  function clock(t) {
    const s = Math.floor(t);
    return [Math.floor(s / 3600), Math.floor(s % 3600 / 60), s % 60].map((x) => String(x).padStart(2, "0")).join(":");
  }

  // a speaker-change hint: a suggestion only; one click accepts it (the seat speaks from the hint's time), or
  // pick another seat, or dismiss it; the record changes only then
  function showHint(hint) {
    if (!hintBar) return;
    if (!hint || !canEdit) { hintBar.hidden = true; hintBar.replaceChildren(); return; }
    const send = (msg) => { if (socket && socket.readyState === 1) socket.send(JSON.stringify(msg)); };
    const label = document.createElement("span");
    label.textContent = `${clock(hint.at)} 处可能换人：`;
    const accept = document.createElement("button");
    accept.type = "button"; accept.className = "accept-hint";
    accept.textContent = `接受为 ${hint.suggest}`;
    accept.addEventListener("click", () => send({ type: "accept_hint", at: hint.at }));
    const other = document.createElement("select");
    other.setAttribute("aria-label", "换为其他席位");
    other.append(new Option("其他席位…", ""), ...seats.map((x) => new Option(x, x)));
    other.addEventListener("change", () => { if (other.value) send({ type: "accept_hint", at: hint.at, role: other.value }); });
    const dismiss = document.createElement("button");
    dismiss.type = "button"; dismiss.className = "secondary dismiss-hint"; dismiss.textContent = "忽略";
    dismiss.addEventListener("click", () => send({ type: "dismiss_hint", at: hint.at }));
    hintBar.replaceChildren(label, accept, other, dismiss);
    hintBar.hidden = false;
  }

  async function save(seg, el) {
    const text = el.textContent.trim();
    if (text === seg.text) return;
    try { render(await window.arbApi(`/api/hearings/${hid}/segments/${seg.id}`, { method: "POST", json: { text } })); }
    catch (e) { status.textContent = "保存失败：" + e.message; }
  }

  async function saveRole(seg, value) {
    if (value === seg.role) return;
    try { render(await window.arbApi(`/api/hearings/${hid}/segments/${seg.id}`, { method: "POST", json: { role: value } })); }
    catch (e) { status.textContent = "保存失败：" + e.message; }
  }

  async function load() {
    try { render(await window.arbApi(`/api/hearings/${hid}/segments`)); }
    catch (e) { status.textContent = e.message; }
  }

  async function start() {
    startBtn.disabled = true;
    finished = false;
    status.textContent = "正在打开麦克风……";
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
      ctx = new AudioContext();
      await ctx.audioWorklet.addModule("/static/pcm-worklet.js");
      const csrf = document.querySelector('meta[name="csrf-token"]').content;
      const proto = location.protocol === "https:" ? "wss:" : "ws:";
      socket = new WebSocket(`${proto}//${location.host}/api/hearings/${hid}/ws?csrf=${encodeURIComponent(csrf)}`);
      socket.binaryType = "arraybuffer";
      socket.onmessage = (ev) => render(JSON.parse(ev.data));
      socket.onclose = (ev) => {
        if (!finished) status.textContent = ev.code === 1000 || ev.code === 1005 ? "连接已关闭" : `连接已关闭（${ev.code}）`;
        socket = null;
        cleanup();
      };
      await new Promise((ok, fail) => { socket.onopen = ok; socket.onerror = () => fail(new Error("无法连接服务器")); });
      socket.send(JSON.stringify({ type: "role", role }));
      node = new AudioWorkletNode(ctx, "pcm-downsampler");
      node.port.onmessage = (ev) => { if (socket && socket.readyState === 1) socket.send(ev.data); };
      ctx.createMediaStreamSource(stream).connect(node);
      stopBtn.disabled = false;
      status.textContent = "录音中";
    } catch (e) {
      status.textContent = "无法开始录音：" + e.message;
      cleanup();
    }
  }

  function cleanup() {
    if (node) { node.disconnect(); node = null; }
    if (stream) { stream.getTracks().forEach((t) => t.stop()); stream = null; }
    if (ctx) { ctx.close(); ctx = null; }
    if (startBtn) startBtn.disabled = false;
    if (stopBtn) stopBtn.disabled = true;
  }

  function stop() {
    stopBtn.disabled = true;
    status.textContent = "正在完成识别……";
    if (node) { node.disconnect(); node = null; }
    if (socket && socket.readyState === 1) socket.send(JSON.stringify({ type: "stop" }));
  }

  document.querySelectorAll(".roles .role").forEach((b) => b.addEventListener("click", () => {
    document.querySelectorAll(".roles .role").forEach((x) => x.classList.remove("active"));
    b.classList.add("active");
    role = b.dataset.role;
    if (socket && socket.readyState === 1) socket.send(JSON.stringify({ type: "role", role }));
  }));
  if (startBtn) startBtn.addEventListener("click", start);
  if (stopBtn) stopBtn.addEventListener("click", stop);
  load();
})();
