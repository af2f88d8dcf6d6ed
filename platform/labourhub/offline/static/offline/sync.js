// Sending offline work: batches with base versions (retried with the same key, so they apply
// once), then photos in resumable pieces checked by SHA-256, then the signed minutes.
(function () {
  "use strict";
  const L = window.LHOffline;
  const { store, uuid, root } = L;
  const API = root.dataset.api;
  const CHUNK = 256 * 1024;

  class AuthError extends Error {}

  function csrf() {
    const m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (m) return decodeURIComponent(m[1]);
    const field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  async function call(method, path, body, contentType) {
    const headers = { "X-CSRFToken": csrf(), Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = contentType || "application/json";
    const response = await fetch(API + path, {
      method, headers, credentials: "same-origin", redirect: "error",
      // A link that stalls must not hold the sync for ever: give up, and the next sync resumes.
      signal: AbortSignal.timeout ? AbortSignal.timeout(90000) : undefined,
      body: body === undefined ? undefined : (contentType ? body : JSON.stringify(body)),
    });
    if (response.status === 401 || response.status === 403) throw new AuthError(String(response.status));
    const data = await response.json().catch(() => ({}));
    return { status: response.status, data };
  }

  function pending(draft) {
    return (draft.start && draft.start.pending) ||
      Object.values(draft.answers).some((a) => a.pending && !a.conflict);
  }

  function answersBody(draft) {
    return Object.entries(draft.answers)
      .filter(([, a]) => a.pending && !a.conflict)
      .map(([code, a]) => ({ code, value: a.value, note: a.note || "", base: a.base,
                             device_time: a.device_time, resolution: a.resolution || "" }));
  }

  // One batch at a time is kept in "meta/outbox" until the server answers: a retry after a lost
  // answer resends the very same batch under the same key, and the server applies it once.
  async function sendBatch(build) {
    let outbox = await store.get("meta", "outbox");
    if (!outbox) {
      const visits = await build();
      if (!visits.length) return null;
      outbox = { key: uuid(), body: null };
      outbox.body = { key: outbox.key, device_id: await deviceId(), visits };
      await store.put("meta", "outbox", outbox);
    }
    const { status, data } = await call("POST", "sync/", outbox.body);
    if (status >= 500) throw new Error("server " + status);
    if (status === 200) await applyResult(outbox.body, data);
    else await markRejected(outbox.body, data);
    await store.del("meta", "outbox");
    return data;
  }

  async function deviceId() {
    let id = await store.get("meta", "device");
    if (!id) { id = uuid(); await store.put("meta", "device", id); }
    return id;
  }

  async function markRejected(body, data) {
    for (const visit of body.visits) await L.update(visit.inspection, (draft) => { draft.errors = data; });
  }

  async function applyResult(body, data) {
    for (const result of data.visits || []) {
      const sent = body.visits.find((v) => v.inspection === result.inspection) || {};
      await L.update(result.inspection, (draft) => applyVisit(draft, result, sent));
    }
  }

  function applyVisit(draft, result, sent) {
    {
      draft.errors = result.errors || null;
      draft.blocked = null;
      if (result.version) draft.baseVersion = result.version;
      if (result.applied.includes("start") && draft.start) draft.start.pending = false;
      for (const answer of sent.answers || []) {
        const local = draft.answers[answer.code];
        if (local && result.applied.includes(answer.code) && local.value === answer.value) {
          local.pending = false;
          local.resolution = "";
          local.base = result.answers ? result.answers[answer.code] : answer.value;
        }
      }
      for (const conflict of result.conflicts) {
        if (conflict.kind === "answer" && draft.answers[conflict.code]) {
          draft.answers[conflict.code].conflict = { theirs: conflict.theirs, message: conflict.message };
        } else if (["reassigned", "locked", "missing"].includes(conflict.kind)) {
          draft.blocked = conflict.message;
        }
      }
      if (result.applied.includes("submit") && draft.submit) draft.submit.pending = false;
      if (result.applied.includes("refuse_entry") && draft.refuse) draft.refuse.pending = false;
      if (result.inspection_status) draft.serverStatus = result.inspection_status;
    }
  }

  async function uploadPhoto(photo, tick) {
    const start = await call("POST", "uploads/", {
      inspection: photo.inspection, sha256: photo.sha256, size: photo.size, name: photo.name,
      question: photo.question, caption: photo.caption || "", device_time: photo.device_time,
    });
    if (start.status !== 200) { photo.error = start.data; await store.put("photos", photo.key, photo); return; }
    let upload = start.data;
    while (upload.status !== "done") {
      const piece = photo.blob.slice(upload.received, upload.received + CHUNK);
      const r = await call("PUT", "uploads/" + upload.id + "/chunk/?offset=" + upload.received,
                           piece, "application/octet-stream");
      if (r.status === 409 && r.data.extra && "received" in r.data.extra) {
        upload.received = r.data.extra.received;  // the server has more (or less): go on from there
      } else if (r.status === 200) {
        upload = r.data;
      } else if (r.status === 400 && upload.received + piece.size >= photo.size) {
        upload.received = 0;  // arrived damaged: the server dropped it, send it again once
        if (photo.retried) { photo.error = r.data; break; }
        photo.retried = true;
      } else { photo.error = r.data; break; }
      tick(upload.received / photo.size);
    }
    if (upload.status === "done") { photo.uploaded = true; photo.error = null; delete photo.blob; }
    await store.put("photos", photo.key, photo);
  }

  async function sync(progress) {
    const drafts = await store.all("drafts");
    const photos = (await store.all("photos")).filter((p) => !p.uploaded);
    const total = 2 + photos.length;
    let done = 0;
    const step = (fraction) => progress(Math.min(total, done + (fraction || 0)), total);
    step();
    await sendBatch(async () => drafts.filter((d) => !d.blocked && pending(d)).map((d) => ({
      inspection: d.id, base_version: d.baseVersion,
      start: d.start && d.start.pending ? d.start.data : null, answers: answersBody(d),
    })));
    done += 1; step();
    // A few uploads at a time: on a slow link each request waits a round trip before its bytes
    // flow, and three in flight keep the link busy without starving the page.
    const queue = photos.slice();
    const worker = async () => {
      for (let photo = queue.shift(); photo; photo = queue.shift()) {
        const draft = await store.get("drafts", photo.inspection);
        if (draft && !draft.blocked && !(draft.start && draft.start.pending)) await uploadPhoto(photo, step);
        done += 1; step();
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const left = (await store.all("photos")).filter((p) => !p.uploaded).map((p) => p.inspection);
    await sendBatch(async () => (await store.all("drafts"))
      .filter((d) => !d.blocked && !pending(d) && !left.includes(d.id) &&
              !Object.values(d.answers).some((a) => a.conflict) &&
              ((d.submit && d.submit.pending) || (d.refuse && d.refuse.pending)))
      .map((d) => ({
        inspection: d.id, base_version: d.baseVersion,
        submit: d.submit && d.submit.pending ? d.submit.data : null,
        refuse_entry: d.refuse && d.refuse.pending ? d.refuse.data : null,
      })));
    done += 1; step();
  }

  async function unsentCount() {
    const drafts = await store.all("drafts");
    const photos = await store.all("photos");
    let n = photos.filter((p) => !p.uploaded).length;
    for (const d of drafts) {
      if (d.start && d.start.pending) n += 1;
      n += Object.values(d.answers).filter((a) => a.pending).length;
      if (d.submit && d.submit.pending) n += 1;
      if (d.refuse && d.refuse.pending) n += 1;
    }
    if (await store.get("meta", "outbox")) n += 1;
    return n;
  }

  Object.assign(window.LHOffline, { call, sync, unsentCount, AuthError });
})();
