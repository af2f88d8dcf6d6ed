// Offline store: one IndexedDB database per signed-in user, and the checklist rules the server
// applies (answer checks, conditions, non-compliance), so a visit behaves the same offline.
(function () {
  "use strict";
  const root = document.getElementById("offline-app");
  if (!root) return;
  const DB = "labourhub-offline-" + root.dataset.user;
  const STORES = ["packs", "drafts", "photos", "meta"];
  let opened = null;

  function open() {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => {
        STORES.forEach((name) => {
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
        });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return opened;
  }

  function tx(store, mode, fn) {
    return open().then((db) => new Promise((resolve, reject) => {
      const t = db.transaction(store, mode);
      const result = fn(t.objectStore(store));
      // Resolve only once the write is durable: a closed tab must not lose it.
      t.oncomplete = () => resolve(result && "result" in result ? result.result : result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    }));
  }

  const store = {
    get: (s, key) => tx(s, "readonly", (os) => os.get(key)),
    put: (s, key, value) => tx(s, "readwrite", (os) => { os.put(value, key); }),
    del: (s, key) => tx(s, "readwrite", (os) => { os.delete(key); }),
    all: (s) => tx(s, "readonly", (os) => os.getAll()),
    keys: (s) => tx(s, "readonly", (os) => os.getAllKeys()),
    wipe() {
      if (opened) opened.then((db) => db.close());
      opened = null;
      return new Promise((resolve) => {
        const req = indexedDB.deleteDatabase(DB);
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      });
    },
  };

  // Every change to a draft is read-modify-write in one queue: a screen rebuilt meanwhile, or a
  // sync answer arriving while the inspector types, must never write back a stale copy.
  let queue = Promise.resolve();
  function update(id, change) {
    const next = queue.then(async () => {
      const draft = await store.get("drafts", id);
      if (!draft) return null;
      change(draft);
      await store.put("drafts", id, draft);
      return draft;
    });
    queue = next.catch(() => null);
    return next;
  }

  function newDraft(pack) {
    return { id: pack.id, baseVersion: pack.version, start: null, answers: {}, refuse: null,
             submit: null, conflicts: [], errors: null, keys: {} };
  }

  async function sha256(blob) {
    const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
    return Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  // Same checks as labourhub.inspections.services.visits.values._clean_value.
  const MAX_TEXT = 5000;
  function clean(question, raw, t) {
    if (raw === null || raw === undefined || String(raw).trim() === "") return { value: null };
    const text = String(raw).trim();
    switch (question.kind) {
      case "yes_no_na":
        return ["yes", "no", "na"].includes(text) ? { value: text } : { error: t.bad_yes_no };
      case "number": {
        const s = text.replace(",", ".");
        if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return { error: t.bad_number };
        const n = Number(s);
        if (!isFinite(n) || Math.abs(n) > 1e12) return { error: t.bad_number };
        return { value: Number.isInteger(n) ? String(n) : String(n) };
      }
      case "date": {
        const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) && !isNaN(Date.parse(text + "T00:00:00Z"))
          && new Date(text + "T00:00:00Z").toISOString().slice(0, 10) === text;
        return ok ? { value: text } : { error: t.bad_date };
      }
      case "choice":
        return question.choices.includes(text)
          ? { value: text } : { error: t.bad_choice.replace("%(choices)s", question.choices.join(", ")) };
      default:
        return text.length > MAX_TEXT
          ? { error: t.too_long.replace("%(max)s", MAX_TEXT) } : { value: text };
    }
  }

  function visible(question, values) {
    if (!question.condition_code) return true;
    const v = values[question.condition_code];
    return String(v === null || v === undefined ? "" : v) === question.condition_value;
  }

  function noncompliant(question, value) {
    const rule = question.noncompliant_value;
    if (!rule || value === null || value === undefined) return false;
    if (question.kind === "number" && (rule[0] === "<" || rule[0] === ">")) {
      const n = Number(value), limit = Number(rule.slice(1));
      if (isNaN(n) || isNaN(limit)) return false;
      return rule[0] === "<" ? n < limit : n > limit;
    }
    return String(value) === rule;
  }

  function uuid() {
    return crypto.randomUUID ? crypto.randomUUID().replace(/-/g, "")
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  window.LHOffline = { store, update, settled: () => queue, newDraft, sha256, clean, visible, noncompliant, uuid, root };
})();
