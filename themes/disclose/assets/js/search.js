// Search over the static index in search/<lang>/ (written by
// generator/search, which documents the format). Reads ?q=, fetches
// meta.json, the posting shards of the query's tokens and the document
// blocks of the results shown; nothing else. Tokenising here must match
// generator/search/tokens.go.
(function () {
  "use strict";
  var HAN = /\p{Script=Han}/u;
  var WORD = /[\p{L}\p{Nd}]/u;
  // Under Node (generator/search's tests), hand over the tokeniser only.
  if (typeof module === "object" && module && typeof document === "undefined") {
    module.exports = { queryTokens: queryTokens, shardOf: shardOf, keyOf: keyOf };
    return;
  }
  var box = document.getElementById("search-results");
  var input = document.getElementById("search-q");
  if (!box || !input || !window.fetch || !window.TextEncoder) return;
  var nojs = document.querySelector(".search-nojs");
  if (nojs) nojs.hidden = true;
  var status = box.querySelector(".search-status");
  var list = box.querySelector(".search-hits");
  var base = box.getAttribute("data-index");
  var root = box.getAttribute("data-root");
  var english = document.documentElement.lang.indexOf("en") === 0;
  var PAGE = 20;
  var cache = {};
  var downloaded = 0;

  function text(key, vars) {
    var s = box.getAttribute("data-" + key) || "";
    return s.replace(/\{(\w+)\}/g, function (_, k) { return vars && k in vars ? vars[k] : ""; });
  }

  // Bigrams covering each Han run; other words cut to maxPrefix.
  function queryTokens(q, maxPrefix) {
    var out = [], seen = {}, short = false, run = [], han = false;
    function add(t) { if (!seen[t]) { seen[t] = true; out.push(t); } }
    function flush() {
      if (run.length === 0) return;
      if (han && run.length >= 2) {
        for (var i = 0; i + 1 < run.length; i += 2) add(run[i] + run[i + 1]);
        if (run.length % 2 === 1) add(run[run.length - 2] + run[run.length - 1]);
      } else if (!han && run.length >= 2) {
        add(run.slice(0, maxPrefix).join(""));
      } else {
        short = true;
      }
      run = [];
    }
    for (var ch of q.normalize("NFKC").toLowerCase()) {
      if (HAN.test(ch)) {
        if (!han) flush();
        han = true;
        run.push(ch);
      } else if (WORD.test(ch)) {
        if (han) flush();
        han = false;
        run.push(ch);
      } else {
        flush();
      }
    }
    flush();
    return { tokens: out, short: out.length === 0 && short };
  }

  // FNV-1a, 32 bit, over UTF-8 bytes.
  function shardOf(token, n) {
    var bytes = new TextEncoder().encode(token), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % n;
  }

  // A token's key in its shard: FNV-1, 32 bit, over UTF-8 bytes, base 36.
  function keyOf(token) {
    var bytes = new TextEncoder().encode(token), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h = Math.imul(h, 0x01000193) >>> 0;
      h = (h ^ bytes[i]) >>> 0;
    }
    return h.toString(36);
  }

  // meta.json is revalidated on every visit; the other files carry its
  // release tag, so they can be cached for as long as the server allows.
  var release = "";
  function get(name) {
    if (!cache[name]) {
      var url = name === "meta.json" ? base + name : base + name + "?v=" + release;
      cache[name] = fetch(url, name === "meta.json" ? { cache: "no-cache" } : {}).then(function (r) {
        if (!r.ok) throw new Error(name + ": " + r.status);
        return r.arrayBuffer();
      }).then(function (buf) {
        downloaded += buf.byteLength;
        box.setAttribute("data-bytes", String(downloaded));
        return JSON.parse(new TextDecoder().decode(buf));
      });
    }
    return cache[name];
  }

  function pad(i) { return ("000" + i).slice(-4); }

  function decode(v) {
    var out = [];
    if (typeof v === "string") {
      var bin = atob(v);
      for (var i = 0; i < bin.length; i++) {
        var c = bin.charCodeAt(i);
        for (var k = 0; k < 8; k++) if (c & (1 << k)) out.push(i * 8 + k);
      }
    } else {
      var prev = 0;
      for (var j = 0; j < v.length; j++) { prev += v[j]; out.push(prev); }
    }
    return out;
  }

  function search(q) {
    return get("meta.json").then(function (meta) {
      release = meta.release || "";
      var parsed = queryTokens(q, meta.maxPrefix);
      if (parsed.tokens.length === 0) return { short: parsed.short, hits: [] };
      return Promise.all(parsed.tokens.map(function (t) {
        return get("shard-" + pad(shardOf(t, meta.shards)) + ".json").then(function (s) { return s[keyOf(t)] || null; });
      })).then(function (lists) {
        if (lists.some(function (l) { return !l; })) return { hits: [], meta: meta };
        var sets = lists.map(function (l) {
          return { all: decode(l[0]), title: new Set(l.length > 1 ? decode(l[1]) : []) };
        });
        sets.sort(function (a, b) { return a.all.length - b.all.length; });
        var rest = sets.slice(1).map(function (s) { return new Set(s.all); });
        var hits = [];
        sets[0].all.forEach(function (id) {
          for (var i = 0; i < rest.length; i++) if (!rest[i].has(id)) return;
          var inTitle = sets.every(function (s) { return s.title.has(id); });
          hits.push({ id: id, t: inTitle });
        });
        hits.sort(function (a, b) { return a.t === b.t ? a.id - b.id : (a.t ? -1 : 1); });
        return { hits: hits, meta: meta };
      });
    });
  }

  // The words of the query as typed, for marking them in a hit.
  function terms(q) {
    return q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  // mark appends s to el with every occurrence of a term in <mark>.
  function mark(el, s, ts) {
    var low = s.toLowerCase(), at = 0;
    while (at < s.length) {
      var best = -1, len = 0;
      ts.forEach(function (t) {
        var i = low.indexOf(t, at);
        if (i >= 0 && (best < 0 || i < best)) { best = i; len = t.length; }
      });
      if (best < 0) break;
      if (best > at) el.appendChild(document.createTextNode(s.slice(at, best)));
      var m = document.createElement("mark");
      m.textContent = s.slice(best, best + len);
      el.appendChild(m);
      at = best + len;
    }
    if (at < s.length) el.appendChild(document.createTextNode(s.slice(at)));
  }

  // snippet is the part of text around the first term found in it, or
  // its beginning.
  function snippet(text, ts) {
    var low = text.toLowerCase(), i = -1;
    ts.forEach(function (t) { var j = low.indexOf(t); if (j >= 0 && (i < 0 || j < i)) i = j; });
    if (i < 60) return text.length > 120 && text.charAt(text.length - 1) !== "…" ? text.slice(0, 120) + "…" : text;
    return "…" + text.slice(i - 40, i + 80) + (i + 80 < text.length ? "…" : "");
  }

  function show(res, from) {
    var part = res.hits.slice(from, from + PAGE);
    var ts = terms(res.q);
    return Promise.all(part.map(function (h) {
      return get("docs-" + pad(Math.floor(h.id / res.meta.block)) + ".json").then(function (rows) {
        return rows[h.id % res.meta.block];
      });
    })).then(function (rows) {
      rows.forEach(function (row) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + row[1];
        mark(a, row[0], ts);
        if (english && HAN.test(row[0])) a.lang = "zh-CN";
        li.appendChild(a);
        var meta = document.createElement("span");
        meta.className = "search-meta";
        // register · id · date: records may share a title, never an id
        meta.textContent = [row[2], row[4], row[3]].filter(Boolean).join(" · ");
        li.appendChild(document.createTextNode(" "));
        li.appendChild(meta);
        if (row[5]) {
          var ctx = document.createElement("span");
          ctx.className = "search-context";
          mark(ctx, row[5], ts);
          if (english && HAN.test(row[5])) ctx.lang = "zh-CN";
          li.appendChild(ctx);
        }
        if (row[6]) {
          var p = document.createElement("p");
          p.className = "search-snippet";
          mark(p, snippet(row[6], ts), ts);
          if (english && HAN.test(row[6])) p.lang = "zh-CN";
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      var shown = from + part.length;
      status.textContent = text("found", { n: res.hits.length.toLocaleString(english ? "en" : "zh-CN") }) +
        (shown < res.hits.length ? " " + text("shown", { k: shown }) : "");
      var old = box.querySelector(".search-more");
      if (old) old.remove();
      if (shown < res.hits.length) {
        var more = document.createElement("button");
        more.type = "button";
        more.className = "search-more";
        more.textContent = text("more");
        more.addEventListener("click", function () {
          more.disabled = true;
          var next = list.children.length;
          show(res, shown).then(function () {
            var first = list.children[next] && list.children[next].querySelector("a");
            if (first) first.focus();
          });
        });
        box.appendChild(more);
      }
    });
  }

  // Narrowing by register and year: meta.json gives each register's
  // documents, and each year's within it, as ranges.
  function groupOf(meta, id) {
    var gs = meta.groups || [];
    for (var i = 0; i < gs.length; i++) {
      var g = gs[i];
      if (id >= g.from && id < g.from + g.n) {
        var year = "";
        (g.years || []).forEach(function (y) { if (id >= y.from && id < y.from + y.n) year = y.y; });
        return { name: g.name, year: year };
      }
    }
    return { name: "", year: "" };
  }

  function filters(all, chosen, apply) {
    var old = box.querySelector(".search-filters");
    if (old) old.remove();
    var byGroup = {}, byYear = {};
    all.hits.forEach(function (h) {
      var g = groupOf(all.meta, h.id);
      h.group = g.name; h.year = g.year;
      byGroup[g.name] = (byGroup[g.name] || 0) + 1;
      if ((!chosen["in"] || chosen["in"] === g.name) && g.year) byYear[g.year] = (byYear[g.year] || 0) + 1;
    });
    var labels = {};
    (all.meta.groups || []).forEach(function (g) { labels[g.name] = g.label; });
    var groups = (all.meta.groups || []).map(function (g) { return g.name; }).filter(function (n) { return byGroup[n]; });
    var years = Object.keys(byYear).sort().reverse();
    if (groups.length < 2 && years.length < 2) return;
    var wrap = document.createElement("div");
    wrap.className = "search-filters";
    function row(key, title, values, label) {
      var g = document.createElement("div");
      g.setAttribute("role", "group");
      g.setAttribute("aria-label", title);
      var h = document.createElement("span");
      h.className = "search-filter-label";
      h.textContent = title + (english ? ": " : "：");
      g.appendChild(h);
      [""].concat(values).forEach(function (v) {
        var b = document.createElement("button");
        b.type = "button";
        b.setAttribute("aria-pressed", String((chosen[key] || "") === v));
        b.textContent = v ? label(v) : text("all");
        b.addEventListener("click", function () {
          var next = { "in": chosen["in"], year: chosen.year };
          next[key] = v;
          if (key === "in") next.year = "";
          apply(next);
        });
        g.appendChild(b);
      });
      wrap.appendChild(g);
    }
    if (groups.length > 1) row("in", text("in"), groups, function (v) { return labels[v] + " (" + byGroup[v].toLocaleString(english ? "en" : "zh-CN") + ")"; });
    if (years.length > 1) row("year", text("year"), years, function (v) { return v + " (" + byYear[v].toLocaleString(english ? "en" : "zh-CN") + ")"; });
    box.insertBefore(wrap, status);
  }

  // The language switch keeps the query and its narrowing.
  function keepInSwitch() {
    Array.prototype.forEach.call(document.querySelectorAll("a.lang-switch"), function (a) {
      a.href = a.href.split("?")[0] + location.search;
    });
  }

  var params = new URLSearchParams(location.search);
  var q = (params.get("q") || "").trim();
  box.hidden = false;
  if (!q) return;
  input.value = q;
  keepInSwitch();
  status.textContent = text("loading");
  search(q).then(function (res) {
    if (res.short) { status.textContent = text("short"); return; }
    if (res.hits.length === 0) { status.textContent = text("none", { q: q }); return; }
    res.q = q;
    var apply = function (chosen) {
      var u = new URLSearchParams(location.search);
      ["in", "year"].forEach(function (k) { if (chosen[k]) u.set(k, chosen[k]); else u.delete(k); });
      history.replaceState(null, "", "?" + u.toString());
      keepInSwitch();
      filters(res, chosen, apply);
      list.textContent = "";
      var hits = res.hits.filter(function (h) {
        return (!chosen["in"] || h.group === chosen["in"]) && (!chosen.year || h.year === chosen.year);
      });
      return show({ q: q, meta: res.meta, hits: hits }, 0);
    };
    return apply({ "in": params.get("in") || "", year: params.get("year") || "" });
  }).catch(function () {
    status.textContent = text("failed");
  });
})();
