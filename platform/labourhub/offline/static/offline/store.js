// Offline store: one IndexedDB database per signed-in user, and the checklist rules the server
// applies (answer checks, conditions, non-compliance), so a visit behaves the same offline.
(function () {
  "use strict";
  const root = document.getElementById("offline-app");
  if (!root) return;
  const DB = "labourhub-offline-" + root.dataset.user;
  const STORES = ["packs", "drafts", "photos", "docs", "meta"];
  let opened = null;

  function open() {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 2);
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

  function tx(name, mode, fn) {
    return open().then((db) => new Promise((resolve, reject) => {
      const t = db.transaction(name, mode);
      const result = fn(t.objectStore(name));
      // Resolve only once the write is durable: a closed tab must not lose it.
      t.oncomplete = () => resolve(result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    }));
  }

  // Drafts are encrypted at rest (AES-GCM, 256 bits) with a data key that exists in clear only
  // in this page's memory. On the device it is kept wrapped by a key derived (PBKDF2-SHA-256)
  // from a PIN only this inspector knows, so another person using the same browser profile
  // finds ciphertext. Each record is bound to its store and key (additional data), so records
  // cannot be swapped. Only the wrapped key and the device id are stored in clear.
  const ITERATIONS = 600000;
  const PLAIN = new Set(["meta/lock", "meta/device"]);
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  let dataKey = null;
  const random = (n) => crypto.getRandomValues(new Uint8Array(n));
  const aad = (s, key) => enc.encode(root.dataset.user + "/" + s + "/" + key);
  const gcm = (iv, s, key) => ({ name: "AES-GCM", iv, additionalData: aad(s, key) });

  class LockedError extends Error {}
  function need() { if (!dataKey) throw new LockedError("locked"); return dataKey; }

  async function seal(s, key, value) {
    if (PLAIN.has(s + "/" + key)) return value;
    const k = need();
    const blob = value && value.blob instanceof Blob ? value.blob : null;
    const rest = blob ? Object.assign({}, value, { blob: null }) : value;
    const iv = random(12);
    const out = { sealed: 1, iv, data: await crypto.subtle.encrypt(gcm(iv, s, key), k, enc.encode(JSON.stringify(rest))) };
    if (blob) {
      out.biv = random(12);
      out.btype = blob.type;
      out.bin = await crypto.subtle.encrypt(gcm(out.biv, s, key + "#blob"), k, await blob.arrayBuffer());
    }
    return out;
  }

  async function unseal(s, key, raw) {
    if (raw === undefined || raw === null || !raw.sealed) return raw;
    const k = need();
    const value = JSON.parse(dec.decode(await crypto.subtle.decrypt(gcm(raw.iv, s, key), k, raw.data)));
    if (raw.bin) value.blob = new Blob([await crypto.subtle.decrypt(gcm(raw.biv, s, key + "#blob"), k, raw.bin)], { type: raw.btype });
    return value;
  }

  const raw = {
    get: (s, key) => tx(s, "readonly", (os) => os.get(key)).then((r) => r.result),
    put: (s, key, value) => tx(s, "readwrite", (os) => { os.put(value, key); }),
    entries: (s) => tx(s, "readonly", (os) => ({ k: os.getAllKeys(), v: os.getAll() }))
      .then((r) => r.k.result.map((k, i) => [k, r.v.result[i]])),
  };

  const store = {
    get: async (s, key) => unseal(s, key, await raw.get(s, key)),
    put: async (s, key, value) => raw.put(s, key, await seal(s, key, value)),
    del: (s, key) => tx(s, "readwrite", (os) => { os.delete(key); }),
    all: async (s) => Promise.all((await raw.entries(s)).map(([k, v]) => unseal(s, k, v))),
    keys: (s) => tx(s, "readonly", (os) => os.getAllKeys()).then((r) => r.result),
    wipe() {
      dataKey = null;
      if (opened) opened.then((db) => db.close());
      opened = null;
      return new Promise((resolve) => {
        const req = indexedDB.deleteDatabase(DB);
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      });
    },
  };

  async function kek(pin, salt, iterations) {
    const base = await crypto.subtle.importKey("raw", enc.encode(pin), "PBKDF2", false, ["deriveKey"]);
    return crypto.subtle.deriveKey({ name: "PBKDF2", salt, iterations, hash: "SHA-256" }, base,
      { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  }

  const useKey = (bytes) => crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);

  // Records written before drafts were encrypted are sealed as soon as the key is known.
  async function sealOld() {
    for (const s of STORES) {
      for (const [k, v] of await raw.entries(s)) {
        if (v && !v.sealed && !PLAIN.has(s + "/" + k)) await raw.put(s, k, await seal(s, k, v));
      }
    }
  }

  const lock = {
    exists: async () => Boolean(await raw.get("meta", "lock")),
    unlocked: () => dataKey !== null,
    async create(pin) {
      const bytes = random(32);
      const salt = random(16), iv = random(12);
      const wrapped = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await kek(pin, salt, ITERATIONS), bytes);
      await raw.put("meta", "lock", { salt, iv, wrapped, iterations: ITERATIONS });
      dataKey = await useKey(bytes);
      bytes.fill(0);
      await sealOld();
    },
    async open(pin) {
      const l = await raw.get("meta", "lock");
      let bytes;
      try {
        bytes = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: l.iv }, await kek(pin, l.salt, l.iterations), l.wrapped));
      } catch (err) { return false; }  // the tag does not verify: wrong PIN
      dataKey = await useKey(bytes);
      bytes.fill(0);
      await sealOld();
      return true;
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

  window.LHOffline = { store, lock, LockedError, update, settled: () => queue, newDraft, sha256, clean, visible, noncompliant, uuid, root };
})();
