// The offline app's screens: assignments on the device, the visit, conflicts, signing.
(function () {
  "use strict";
  const L = window.LHOffline;
  if (!L) return;
  const { store, root } = L;
  const t = JSON.parse(document.getElementById("offline-strings").textContent);
  const view = document.getElementById("view");
  const MAX_SIDE = 1600;
  let syncing = false;

  const fmt = (s, args) => s.replace(/%\((\w+)\)s/g, (_m, k) => (args[k] === undefined ? "" : args[k]));
  const now = () => new Date().toISOString();

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    return put(node, children);
  }

  // Append anything: nested lists are flattened, and null, undefined and false are skipped.
  function put(node, ...kids) {
    kids.flat(Infinity).forEach((c) => c !== null && c !== undefined && c !== false && node.append(c));
    return node;
  }
  const fill = (node, ...kids) => { node.replaceChildren(); return put(node, kids); };

  function age(iso) {
    const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60000));
    if (minutes >= 2880) return fmt(t.days, { n: Math.round(minutes / 1440) });
    if (minutes >= 120) return fmt(t.hours, { n: Math.round(minutes / 60) });
    return fmt(t.minutes, { n: minutes });
  }

  async function status() {
    const online = navigator.onLine;
    const net = document.getElementById("net-status");
    net.textContent = online ? t.online : t.offline;
    net.className = "net " + (online ? "on" : "off");
    if (!L.lock.unlocked()) return;
    const n = await L.unsentCount();
    if (!syncing) document.getElementById("sync-status").textContent = n > 1 ? fmt(t.unsynced, { count: n }) : n === 1 ? t.unsynced_one : t.synced;
  }

  async function take(id) {
    const { status: code, data } = await L.call("GET", "assignments/" + id + "/");
    if (code !== 200) return;
    const draft = await store.get("drafts", id);
    const photos = (await store.all("photos")).filter((p) => p.inspection === id);
    const unsent = draft && (draft.start && draft.start.pending || draft.submit && draft.submit.pending ||
      draft.refuse && draft.refuse.pending || Object.values(draft.answers).some((a) => a.pending || a.conflict) ||
      photos.some((p) => !p.uploaded));
    if (["completed", "cancelled"].includes(data.status) && !unsent) {
      // Finished and all sent: nothing of this visit stays on the device.
      await store.del("packs", id); await store.del("drafts", id);
      for (const p of photos) await store.del("photos", p.key);
      return;
    }
    await store.put("packs", id, data);
    await keepOrder(data);
    if (!draft) { await store.put("drafts", id, L.newDraft(data)); return true; }
    // What the server now holds comes from the fresh pack; only unsent answers stay local.
    await L.update(id, (d) => {
      for (const [code, a] of Object.entries(d.answers)) if (!a.pending && !a.conflict) delete d.answers[code];
      if (d.start && !d.start.pending && data.status === "in_progress") d.start = null;
    });
    return true;
  }

  // The signed order to inspect travels with the assignment, checked against the SHA-256 the
  // server recorded when it was signed, so the inspector can show it with no network.
  async function keepOrder(pack) {
    const order = pack.authorisation;
    if (!order || !order.pdf || (await store.get("docs", pack.id + ":order") || {}).sha256 === order.sha256) return;
    const response = await fetch(root.dataset.api + order.pdf, { credentials: "same-origin" });
    if (!response.ok) return;
    const blob = await response.blob();
    const sha256 = await L.sha256(blob);
    if (sha256 !== order.sha256) return;
    await store.put("docs", pack.id + ":order", { blob, sha256, name: order.number + ".pdf" });
  }

  async function listView() {
    const packs = await store.all("packs");
    const drafts = Object.fromEntries((await store.all("drafts")).map((d) => [d.id, d]));
    fill(view, el("h2", { text: t.available }));
    if (!packs.length) put(view, el("p", { class: "empty", text: t.none }));
    const ul = el("ul", { class: "plain", id: "offline-list" });
    packs.forEach((p) => {
      const d = drafts[p.id];
      ul.append(el("li", { "data-inspection": p.id },
        el("a", { href: "#/visit/" + p.id, text: p.reference + " · " + p.establishment.name }), " ",
        el("small", { class: "age", text: fmt(t.taken, { age: age(p.taken_at) }) }),
        d && d.blocked ? el("p", { class: "error", text: d.blocked }) : null));
    });
    put(view, ul);
    if (!navigator.onLine) return;
    try {
      const { status: code, data } = await L.call("GET", "assignments/");
      if (code !== 200) return;
      const taken = new Set(packs.map((p) => p.id));
      // The ministry's "keep the next N days": those assignments come offline by themselves.
      let kept = 0;
      for (const a of data.filter((x) => x.keep && !taken.has(x.id))) {
        if (await take(a.id).catch(() => false)) kept += 1;
      }
      if (kept) return listView();
      const rest = data.filter((a) => !taken.has(a.id));
      if (!rest.length) return;
      const list = el("ul", { class: "plain", id: "takeable" });
      rest.forEach((a) => list.append(el("li", {},
        a.reference + " · " + a.establishment + " · " + (a.scheduled_for || "") + " ",
        el("button", { type: "button", "data-take": a.id, text: t.take,
                       onclick: async () => { await take(a.id); render(); } }))));
      put(view, el("h2", { text: t.can_take }), list);
    } catch (err) { /* offline after all: the device list above is what counts */ }
  }

  function valuesOf(pack, draft) {
    const values = {};
    for (const [code, a] of Object.entries(pack.answers)) values[code] = a.value;
    for (const [code, a] of Object.entries(draft.answers)) values[code] = a.value;
    return values;
  }

  async function saveAnswer(pack, draft, q, raw, errorNode) {
    const result = L.clean(q, raw, t);
    errorNode.textContent = result.error || "";
    if (result.error) return false;
    await L.update(draft.id, (d) => {
      const base = q.code in d.answers ? d.answers[q.code].base
        : (pack.answers[q.code] ? pack.answers[q.code].value : null);
      d.answers[q.code] = { value: result.value, base, device_time: now(), pending: true,
                            resolution: (d.answers[q.code] || {}).resolution || "" };
    });
    status();
    return true;
  }

  function questionField(pack, draft, q, values, photos) {
    const id = "q-" + q.code;
    const error = el("p", { class: "error", role: "alert" });
    const box = el("div", { class: "field", "data-question": q.code });
    const value = values[q.code];
    const rerender = async (raw) => { if (await saveAnswer(pack, draft, q, raw, error)) show(pack.id); };
    if (q.kind === "yes_no_na") {
      const fs = el("fieldset", {}, el("legend", { text: q.text + (q.required ? " *" : "") }));
      [["yes", t.yes], ["no", t.no], ["na", t.na]].forEach(([v, label]) => fs.append(el("label", { class: "radio" },
        el("input", { type: "radio", name: q.code, value: v, checked: value === v, onchange: () => rerender(v) }), " " + label)));
      put(box, fs);
    } else if (q.kind === "choice") {
      const select = el("select", { id, name: q.code, onchange: (e) => rerender(e.target.value) },
        el("option", { value: "", text: t.choose }));
      q.choices.forEach((c) => select.append(el("option", { value: c, text: c, selected: value === c })));
      put(box, el("label", { for: id, text: q.text + (q.required ? " *" : "") }), select);
    } else if (q.kind === "photo") {
      const mine = photos.filter((p) => p.question === q.code);
      const input = el("input", { type: "file", id, accept: "image/*", capture: "environment",
                                  onchange: (e) => addPhoto(pack, q, e.target.files[0]) });
      put(box, el("label", { for: id, text: q.text + (q.required ? " *" : "") + " · " + t.photo }), input,
        el("ul", { class: "plain photos" }, mine.map((p) => el("li", { "data-sha256": p.sha256,
          text: p.name + " · " + fmt(t.photo_saved, { hash: p.sha256.slice(0, 12) + "…" }) + (p.uploaded ? " · " + t.sent : "") }))),
        pack.evidence.filter((e) => e.question === q.code).map((e) => el("p", { text: e.name + " · " + t.sent })));
    } else {
      const attrs = { id, name: q.code, value: value === null || value === undefined ? "" : value,
                      oninput: (e) => saveAnswer(pack, draft, q, e.target.value, error) };
      if (q.kind === "number") attrs.inputmode = "decimal";
      if (q.kind === "date") attrs.placeholder = "YYYY-MM-DD";
      const input = q.kind === "text" ? el("textarea", { ...attrs, rows: 2, text: attrs.value }) : el("input", attrs);
      put(box, el("label", { for: id, text: q.text + (q.required ? " *" : "") }), input);
    }
    if (L.noncompliant(q, value)) put(box, el("p", { class: "violation", text: fmt(t.violation, { provision: q.provision || q.text }) }));
    const local = draft.answers[q.code];
    if (local && local.conflict) box.classList.add("has-conflict");
    put(box, error);
    return box;
  }

  async function addPhoto(pack, q, file) {
    if (!file) return;
    let blob = file, name = file.name;
    try {
      const bitmap = await createImageBitmap(file);
      const scale = MAX_SIDE / Math.max(bitmap.width, bitmap.height);
      if (scale < 1) {  // resized on the device; the hash is of what is sent
        const canvas = document.createElement("canvas");
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
        name = name.replace(/\.[^.]+$/, "") + ".jpg";
      }
    } catch (err) { /* not an image the browser can read: keep it as it is, the server decides */ }
    const sha256 = await L.sha256(blob);
    const key = pack.id + ":" + sha256;
    await store.put("photos", key, { key, inspection: pack.id, question: q.code, name, blob, sha256,
                                     size: blob.size, device_time: now(), uploaded: false });
    show(pack.id);
  }

  function conflictScreen(pack, draft) {
    const items = Object.entries(draft.answers).filter(([, a]) => a.conflict);
    if (!items.length) return null;
    const words = { yes: t.yes, no: t.no, na: t.na };
    const q = Object.fromEntries(pack.checklist.sections.flatMap((s) => s.questions).map((x) => [x.code, x]));
    const show = (v, code) => (v === null || v === undefined || v === "" ? t.empty
      : (q[code] && q[code].kind === "yes_no_na" && words[v]) || v);
    return el("section", { class: "card conflicts", id: "conflicts" }, el("h2", { text: t.conflicts }),
      items.map(([code, a]) => el("div", { class: "conflict", "data-code": code },
        el("h3", { text: q[code] ? q[code].text : code }), el("p", { text: a.conflict.message }),
        el("dl", {}, el("dt", { text: t.mine }), el("dd", { class: "mine", text: show(a.value, code) }),
          el("dt", { text: t.theirs }), el("dd", { class: "theirs", text: show(a.conflict.theirs, code) })),
        el("button", { type: "button", class: "keep-mine", text: t.keep_mine, onclick: async () => {
          await L.update(draft.id, (d) => { const x = d.answers[code];
            x.base = x.conflict.theirs; x.resolution = "mine"; x.device_time = now(); delete x.conflict; });
          show(pack.id); status(); } }),
        el("button", { type: "button", class: "keep-theirs", text: t.keep_theirs, onclick: async () => {
          await L.update(draft.id, (d) => { const x = d.answers[code];
            x.value = x.conflict.theirs; x.base = x.conflict.theirs; x.pending = false; delete x.conflict; });
          show(pack.id); status(); } }))));
  }

  function startForm(pack, draft) {
    const f = (id, label, attrs) => el("div", { class: "field" }, el("label", { for: id, text: label }), el("input", { id, ...attrs }));
    const note = el("textarea", { id: "refuse-note", rows: 2 });
    return el("section", { class: "card" },
      pack.record_location ? el("p", { class: "notice", text: t.location_on }) : null,
      f("persons-met", t.persons_met, {}), f("women", t.women, { inputmode: "numeric", value: "0" }),
      f("men", t.men, { inputmode: "numeric", value: "0" }),
      el("button", { type: "button", class: "primary", id: "start-visit", text: t.start, onclick: async () => {
        const data = { arrived_at: now(), device_time: now(), persons_met: document.getElementById("persons-met").value,
          workers_interviewed_female: parseInt(document.getElementById("women").value, 10) || 0,
          workers_interviewed_male: parseInt(document.getElementById("men").value, 10) || 0 };
        if (pack.record_location && navigator.geolocation) {
          data.location = await new Promise((resolve) => navigator.geolocation.getCurrentPosition(
            (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
            () => resolve(null), { timeout: 10000 }));
        }
        await L.update(draft.id, (d) => { d.start = { pending: true, data }; });
        show(pack.id); status(); } }),
      el("details", {}, el("summary", { text: t.refuse }), el("label", { for: "refuse-note", text: t.refuse_note }), note,
        el("button", { type: "button", id: "refuse-entry", text: t.refuse, onclick: async () => {
          if (!note.value.trim()) return;
          const refuse = { pending: true, data: { note: note.value.trim(), device_time: now() } };
          await L.update(draft.id, (d) => { d.start = d.start || { pending: false, data: null }; d.refuse = refuse; });
          show(pack.id); status(); } })));
  }

  // A signature drawn with a finger, stylus or mouse (pointer events), kept as a PNG.
  function signaturePad() {
    const canvas = el("canvas", { id: "signature-pad", width: 480, height: 180, class: "signature",
                                  "aria-label": t.draw_signature, role: "img" });
    const ctx = canvas.getContext("2d");
    let last = null, strokes = 0;
    const at = (ev) => { const r = canvas.getBoundingClientRect();
      return [(ev.clientX - r.left) * canvas.width / r.width, (ev.clientY - r.top) * canvas.height / r.height]; };
    ctx.lineWidth = 2.5; ctx.lineCap = "round"; ctx.strokeStyle = "#102040";
    canvas.addEventListener("pointerdown", (ev) => { canvas.setPointerCapture(ev.pointerId); last = at(ev); ev.preventDefault(); });
    canvas.addEventListener("pointermove", (ev) => {
      if (!last) return;
      const p = at(ev);
      ctx.beginPath(); ctx.moveTo(last[0], last[1]); ctx.lineTo(p[0], p[1]); ctx.stroke();
      last = p; strokes += 1;
    });
    const end = () => { last = null; };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    return {
      canvas,
      drawn: () => strokes > 2,
      clear: () => { ctx.clearRect(0, 0, canvas.width, canvas.height); strokes = 0; },
      png: () => new Promise((resolve) => canvas.toBlob(resolve, "image/png")),
    };
  }

  function signForm(pack, draft, values, photos) {
    const message = el("p", { class: "error", role: "alert", id: "sign-error" });
    if (draft.submit) {
      const sig = photos.find((p) => p.kind === "signature");
      return el("section", { class: "card", id: "signed" }, el("p", { text: t.signed }),
        draft.minutes ? el("p", { id: "minutes-signed", text: draft.minutes }) : null,
        sig && sig.blob ? el("img", { src: URL.createObjectURL(sig.blob), alt: t.draw_signature, class: "signature" }) : null);
    }
    const name = el("input", { id: "signed-by" });
    const box = el("input", { type: "checkbox", id: "sign-confirm" });
    const minutes = el("textarea", { id: "minutes-text", rows: 5, maxlength: 5000, text: draft.minutes || "",
      oninput: (e) => L.update(draft.id, (d) => { d.minutes = e.target.value; }) });
    const pad = signaturePad();
    return el("section", { class: "card", id: "sign" }, el("h2", { text: t.sign }),
      el("div", { class: "field" }, el("label", { for: "minutes-text", text: t.minutes_text }), minutes),
      el("div", { class: "field" }, el("label", { for: "signed-by", text: t.signed_by }), name),
      el("p", { text: t.draw_signature }), pad.canvas,
      el("p", {}, el("button", { type: "button", id: "signature-clear", text: t.clear_signature, onclick: pad.clear })),
      el("label", { class: "radio" }, box, " " + t.sign_confirm), message,
      el("button", { type: "button", class: "primary", id: "sign-minutes", text: t.sign, onclick: async () => {
        const questions = pack.checklist.sections.flatMap((s) => s.questions);
        const missing = questions.filter((q) => q.required && L.visible(q, values) && (q.kind === "photo"
          ? !photos.some((p) => p.question === q.code) && !pack.evidence.some((e) => e.question === q.code)
          : values[q.code] === null || values[q.code] === undefined)).map((q) => q.text);
        if (missing.length) { message.textContent = fmt(t.missing, { questions: missing.join("; ") }); return; }
        if (!box.checked || !name.value.trim()) { message.textContent = t.sign_confirm; return; }
        if (!pad.drawn()) { message.textContent = t.no_signature; return; }
        const blob = await pad.png();
        const sha256 = await L.sha256(blob);
        const key = pack.id + ":" + sha256;
        await store.put("photos", key, { key, inspection: pack.id, question: "", kind: "signature",
          name: "signature.png", caption: fmt(t.signature_caption, { name: name.value.trim() }), blob, sha256,
          size: blob.size, device_time: now(), uploaded: false });
        const text = minutes.value.trim();
        const submit = { pending: true, data: { signed_by: name.value.trim(), minutes: text,
                                                signature_sha256: sha256, device_time: now() } };
        await L.update(draft.id, (d) => { d.minutes = text; d.submit = submit; });
        show(pack.id); status(); } }));
  }

  // The server's refusals as sentences, each under its question's text (never a code).
  function messages(errors, pack) {
    const texts = Object.fromEntries(((pack.checklist || { sections: [] }).sections)
      .flatMap((s) => s.questions).map((q) => [q.code, q.text]));
    const out = [];
    (function walk(node, label) {
      if (typeof node === "string") out.push(label ? label + ": " + node : node);
      else if (Array.isArray(node)) node.forEach((n) => walk(n, label));
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) walk(v, texts[k] || label);
      }
    })(errors, "");
    return out;
  }

  async function visitView(id) {
    const pack = await store.get("packs", id);
    if (!pack) { location.hash = ""; return; }
    const draft = (await store.get("drafts", id)) || L.newDraft(pack);
    const photos = (await store.all("photos")).filter((p) => p.inspection === id);
    const values = valuesOf(pack, draft);
    const order = await store.get("docs", id + ":order");
    const e = pack.establishment;
    const started = pack.status === "in_progress" || (draft.start && !draft.refuse);
    fill(view, 
      el("p", {}, el("a", { href: "#/", text: "← " + t.back })),
      el("h2", { id: "visit-title", text: pack.reference + " · " + e.name }),
      el("p", { class: "age", text: fmt(t.taken, { age: age(pack.taken_at) }) }),
      draft.blocked ? el("p", { class: "error blocked", role: "alert", text: draft.blocked }) : null,
      draft.errors ? el("div", { class: "error rejected", role: "alert" }, el("p", { text: t.rejected }),
        el("ul", {}, messages(draft.errors, pack).map((m) => el("li", { text: m })))) : null,
      conflictScreen(pack, draft),
      el("details", { class: "card" }, el("summary", { text: t.establishment }),
        el("p", { text: [e.employer, e.registration_number, e.address].filter(Boolean).join(" · ") }),
        el("p", { text: fmt(t.workers, { women: e.workers_female, men: e.workers_male }) }),
        el("h3", { text: t.authorisation }),
        el("p", { text: pack.authorisation ? pack.authorisation.number + " · " + pack.authorisation.valid_until : t.no_authorisation }),
        order ? el("p", {}, el("a", { id: "order-pdf", href: URL.createObjectURL(order.blob), target: "_blank",
                                     download: order.name, text: t.open_order })) : null,
        el("h3", { text: t.provisions }),
        el("ul", { id: "provisions" }, (pack.provisions || []).map((p) => el("li", {}, el("strong", { text: p.provision }),
          " · " + p.severity, el("ul", {}, p.questions.map((q) => el("li", { text: q })))))),
        el("h3", { text: t.history }), el("ul", {}, pack.history.map((h) => el("li", { text: [h.date, h.reference, h.status].join(" · ") }))),
        el("h3", { text: t.previous_findings }),
        el("ul", {}, pack.previous_findings.map((f) => el("li", { text: [f.date, f.provision, f.description, f.severity].join(" · ") })))));
    if (draft.refuse) { put(view, el("p", { class: "notice", text: t.refuse + ": " + draft.refuse.data.note })); return; }
    if (!started) { put(view, startForm(pack, draft)); return; }
    if (draft.start && draft.start.data) put(view, el("p", { class: "notice", text: fmt(t.started, { time: new Date(draft.start.data.arrived_at).toLocaleString() }) }));
    const form = el("form", { id: "checklist", novalidate: true, onsubmit: (ev) => ev.preventDefault() });
    for (const section of (pack.checklist || { sections: [] }).sections) {
      const shown = section.questions.filter((q) => L.visible(q, values));
      if (!shown.length) continue;
      put(form, el("h3", { text: section.title }), shown.map((q) => questionField(pack, draft, q, values, photos)));
    }
    put(view, form, el("p", { class: "saved", text: t.saved }), signForm(pack, draft, values, photos));
  }

  // Screens rebuilt after a change; tests and the sign-out wait for the last one to finish.
  let rendering = Promise.resolve();
  function show(id) { rendering = visitView(id); return rendering; }
  L.idle = async () => {
    for (;;) {  // a saved change schedules its redraw a few ticks later: wait until it is quiet
      const current = rendering;
      await L.settled(); await current;
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (current === rendering) return;
    }
  };

  function render() {
    if (!L.lock.unlocked()) { gate(); return; }
    const m = location.hash.match(/^#\/visit\/(\d+)/);
    (m ? visitView(Number(m[1])) : listView()).then(status);
  }

  // Nothing of the drafts can be read until the inspector gives the PIN chosen on this device.
  async function gate() {
    const has = await L.lock.exists();
    const input = (id) => el("input", { id, type: "password", inputmode: "numeric", autocomplete: "off", required: true });
    const pin = input("pin"), again = input("pin-again");
    const error = el("p", { class: "error", role: "alert", id: "pin-error" });
    const submit = async (ev) => {
      ev.preventDefault();
      error.textContent = "";
      if (!has) {
        if (pin.value.length < 6) { error.textContent = t.pin_short; return; }
        if (pin.value !== again.value) { error.textContent = t.pin_mismatch; return; }
        await L.lock.create(pin.value);
      } else if (!(await L.lock.open(pin.value))) { pin.value = ""; error.textContent = t.pin_wrong; return; }
      render();
    };
    fill(view, el("form", { class: "card", id: "lock", onsubmit: submit, novalidate: true },
      el("h2", { text: has ? t.unlock_title : t.pin_title }), el("p", { text: has ? t.unlock_help : t.pin_help }),
      el("div", { class: "field" }, el("label", { for: "pin", text: t.pin }), pin),
      has ? null : el("div", { class: "field" }, el("label", { for: "pin-again", text: t.pin_again }), again),
      error, el("button", { type: "submit", class: "primary", id: "pin-submit", text: has ? t.unlock : t.pin_set }), " ",
      has ? el("button", { type: "button", id: "pin-forgot", text: t.pin_forgot, onclick: async () => {
        if (!window.confirm(t.pin_forgot_confirm)) return;
        await store.wipe(); location.reload(); } }) : null));
    pin.focus();
  }

  document.getElementById("sync-now").addEventListener("click", runSync);
  async function runSync() {
    if (syncing || !navigator.onLine || !L.lock.unlocked()) return;
    syncing = true;
    const bar = document.getElementById("sync-progress");
    const text = document.getElementById("sync-status");
    bar.hidden = false;
    try {
      await L.sync((done, total) => { bar.max = total; bar.value = done;
        text.textContent = fmt(t.sync_progress, { done: Math.floor(done), total }); });
      for (const d of await store.all("drafts")) if (!d.blocked) await take(d.id).catch(() => null);
    } catch (err) {
      fill(text, err instanceof L.AuthError
        ? el("a", { href: root.dataset.login, text: t.sign_in_again }) : String(err));
      syncing = false; bar.hidden = true; return;
    }
    syncing = false; bar.hidden = true;
    render();
  }

  // Signing out: warn while work is unsent; once everything is sent, nothing stays behind.
  const logout = document.querySelector('form[action$="/logout/"]');
  if (logout) logout.addEventListener("submit", async (ev) => {
    if (logout.dataset.ready) return;
    ev.preventDefault();
    const unsent = L.lock.unlocked() ? await L.unsentCount() : Number(await L.lock.exists());
    if (unsent > 0) { if (!window.confirm(t.sign_out_unsynced)) return; }
    else {
      await store.wipe();
      if (window.caches) for (const k of await caches.keys()) if (k.startsWith("labourhub-offline-")) await caches.delete(k);
    }
    logout.dataset.ready = "1";
    logout.submit();
  });

  window.addEventListener("online", () => { status(); runSync(); });
  window.addEventListener("offline", status);
  window.addEventListener("hashchange", render);
  if ("serviceWorker" in navigator) navigator.serviceWorker.register(root.dataset.sw, { scope: root.dataset.scope }).catch(() => null);
  render();
})();
