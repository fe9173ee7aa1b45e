// The explorer of a register's list page: filters on several dimensions at
// once (any values of one dimension, all dimensions together), a date
// range, a text filter, counts that follow the selection, sorting by any
// column, pages, and a download of exactly the selected records; the whole
// state in the address. Progressive enhancement: the list pages work
// without it, one filter at a time (layouts/_partials/listbody.html).
//
// The records come from the explorer's data (generator/site/explore.go
// documents the format), fetched when the visitor first uses the panel, or
// at once when the address carries a filter. A download of the selection
// fetches the register's full CSV or JSON download and keeps the selected
// records of it, byte for byte.
(function () {
  "use strict";
  var nav = document.querySelector("nav.list-filters[data-explore]");
  if (!nav || !window.fetch || !window.URLSearchParams || !window.history.pushState || !window.Intl) return;

  var lang = document.documentElement.lang.indexOf("en") === 0 ? "en" : "zh";
  var li = lang === "en" ? 1 : 0;
  var dataURL = nav.getAttribute("data-explore");
  var base = dataURL.slice(0, dataURL.lastIndexOf("explore/"));
  var dataset = dataURL.slice(base.length + 8).split(".")[0];
  var roots = { zh: base + dataset + "/", en: base + "en/" + dataset + "/" };
  var root = roots[lang];
  var other = lang === "en" ? "zh" : "en";
  var PAGE = 50;
  var HAN = /\p{Script=Han}/u;

  var D = null; // the data, once loaded
  var W = null; // the words
  var loading = null;
  var state = null;
  var form = null;
  var els = {};
  var orders = {};
  var hay = null;
  var sel = null; // the selected records' positions, in the current order

  // ---- the page's own state, from its address ----------------------------
  function pageState() {
    var st = { dims: {}, from: "", to: "", q: "", sort: "newest", page: 1 };
    var path = decodeURIComponent(location.pathname);
    if (path.indexOf(root) === 0) {
      var seg = path.slice(root.length).split("/").filter(Boolean);
      if (seg[0] === "oldest") { st.sort = "oldest"; seg.shift(); }
      else if (seg[0] === "by-id") { st.sort = "id"; seg.shift(); }
      else if (seg.length >= 2 && seg[0] !== "page") { st.dims[seg[0]] = [seg[1]]; seg = seg.slice(2); }
      if (seg[0] === "page" && +seg[1] > 1) st.page = +seg[1];
    }
    var qs = new URLSearchParams(location.search);
    var any = false;
    qs.forEach(function (v, k) {
      any = true;
      if (k === "from" || k === "to" || k === "q" || k === "sort") st[k] = v;
      else if (k === "page") st.page = Math.max(1, parseInt(v, 10) || 1);
      else st.dims[k] = v.split(",").filter(Boolean);
    });
    st.fromQuery = any;
    return st;
  }

  function query(st) {
    var qs = [];
    D.dims.forEach(function (d) {
      var v = st.dims[d.key];
      if (v && v.length) qs.push(d.key + "=" + v.map(encodeURIComponent).join(","));
    });
    if (st.from) qs.push("from=" + st.from);
    if (st.to) qs.push("to=" + st.to);
    if (st.q) qs.push("q=" + encodeURIComponent(st.q));
    if (st.sort !== "newest") qs.push("sort=" + encodeURIComponent(st.sort));
    if (st.page > 1) qs.push("page=" + st.page);
    return qs.length ? "?" + qs.join("&") : "";
  }

  function say(key, vars) {
    var s = (W && W[key]) || "";
    return s.replace(/\{(\w+)\}/g, function (_, k) { return vars && k in vars ? vars[k] : ""; });
  }

  function num(n) { return n.toLocaleString(lang === "en" ? "en" : "zh-CN"); }

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) continue;
      if (k === "text") e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  // ---- loading -------------------------------------------------------------
  function load() {
    if (loading) return loading;
    var status = nav.querySelector(".x-loading") || el("p", { "class": "x-loading", role: "status" });
    nav.insertBefore(status, nav.children[1] || null);
    status.textContent = lang === "en" ? "Loading…" : "正在载入……";
    loading = fetch(dataURL).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (data) {
      D = data; W = data.words[lang];
      status.remove();
      prepare();
      build();
    }, function () {
      loading = null;
      status.textContent = W ? say("x_failed") : (lang === "en"
        ? "The filters could not be loaded. The links below still work, one filter at a time."
        : "筛选数据未能载入。下方链接仍可按单个条件筛选。");
    });
    return loading;
  }

  // Decodes the columnar data into what filtering needs.
  function prepare() {
    D.dims.forEach(function (d) {
      d.index = {};
      d.values.forEach(function (v, i) { d.index[v[0]] = i; });
      d.count = new Int32Array(d.values.length);
      d.on = new Uint8Array(d.values.length);
    });
    // the columns' cells in each language; the main date's from "date"
    D.cols.forEach(function (c) {
      if (c.date) {
        var at = new Map();
        c.zh = new Int32Array(D.n);
        for (var i = 0; i < D.n; i++) {
          var d = D.date[i];
          if (!d) { c.zh[i] = -1; continue; }
          if (!at.has(d)) at.set(d, D.s.push(iso(d)) - 1);
          c.zh[i] = at.get(d);
        }
      }
      if (!c.en) c.en = c.zh;
    });
    // titles and addresses in full
    D.titles = { zh: D.title.zh, en: D.title.en.map(function (s, i) { return s < 0 ? D.title.zh[i] : D.s[s]; }) };
    D.slugs = D.slug.map(function (s, i) { return s < 0 ? D.id[i].toLowerCase() : D.s[s]; });
  }

  // ---- the form --------------------------------------------------------------
  function build() {
    var st = pageState();
    var heading = nav.querySelector("h2");
    while (nav.lastChild && nav.lastChild !== heading) nav.removeChild(nav.lastChild);
    form = el("form", { "class": "explore", "aria-labelledby": "filters-title" });
    form.addEventListener("submit", function (e) { e.preventDefault(); });

    els.q = el("input", { type: "search", id: "x-q", autocomplete: "off", enterkeyhint: "search", "aria-describedby": "x-q-hint" });
    form.appendChild(el("div", { "class": "x-field" }, [
      el("label", { "for": "x-q", text: say("x_text") }), els.q,
      el("p", { "class": "x-hint", id: "x-q-hint", text: say("x_text_hint") })
    ]));
    var timer = 0;
    els.q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { change({ q: els.q.value.trim(), page: 1 }, true); }, 200);
    });

    var lo = D.date.reduce(function (m, d) { return d && (!m || d < m) ? d : m; }, 0);
    var hi = D.date.reduce(function (m, d) { return d > m ? d : m; }, 0);
    els.from = el("input", { type: "date", id: "x-from", min: iso(lo), max: iso(hi) });
    els.to = el("input", { type: "date", id: "x-to", min: iso(lo), max: iso(hi) });
    form.appendChild(el("fieldset", { "class": "x-dates" }, [
      el("legend", { text: say("x_dates", { field: D.labels.date[li] }) }),
      el("label", { "for": "x-from", text: say("x_from") }), els.from,
      el("label", { "for": "x-to", text: say("x_to") }), els.to
    ]));
    [els.from, els.to].forEach(function (i) {
      i.addEventListener("change", function () {
        if (i.value && !/^\d{4}-\d\d-\d\d$/.test(i.value)) return;
        change({ from: els.from.value, to: els.to.value, page: 1 });
      });
    });

    els.sort = el("select", { id: "x-sort" });
    sortKeys().forEach(function (s) { els.sort.appendChild(el("option", { value: s.key, text: s.label })); });
    els.sort.addEventListener("change", function () { change({ sort: els.sort.value, page: 1 }); });
    form.appendChild(el("div", { "class": "x-field" }, [el("label", { "for": "x-sort", text: say("x_sort") }), els.sort]));

    D.dims.forEach(function (d) {
      var list = el("ul");
      d.boxes = d.values.map(function (v, i) {
        var id = "x-" + d.key + "-" + i;
        var box = el("input", { type: "checkbox", id: id, name: d.key, value: v[0] });
        var count = el("span", { "class": "count" });
        list.appendChild(el("li", null, [box, el("label", { "for": id }, [el("span", { "class": "label", text: v[1 + li] }), " ", count])]));
        box.addEventListener("change", function () {
          var on = d.boxes.filter(function (b) { return b.box.checked; }).map(function (b) { return b.box.value; });
          var dims = Object.assign({}, state.dims);
          dims[d.key] = on;
          change({ dims: dims, page: 1 });
        });
        return { box: box, count: count, li: box.parentNode };
      });
      d.summary = el("span", { "class": "count" });
      d.details = el("details", { "class": "facet" }, [
        el("summary", null, [d.label[li] + " ", d.summary]),
        el("fieldset", null, [el("legend", { "class": "visually-hidden", text: d.label[li] }), list])
      ]);
      form.appendChild(d.details);
    });

    els.clear = el("button", { type: "button", "class": "x-clear", text: say("x_clear") });
    els.clear.addEventListener("click", function () {
      change({ dims: {}, from: "", to: "", q: "", page: 1 });
      els.q.value = "";
    });
    form.appendChild(el("p", null, [els.clear]));
    nav.appendChild(form);

    // the results: count, download, table and pages
    var mainBox = document.querySelector(".list-main");
    // the summary above the list says, and announces, how many match
    els.status = document.querySelector("p.summary") || el("p", { "class": "summary" });
    els.status.setAttribute("role", "status");
    els.status.setAttribute("aria-live", "polite");
    els.status.setAttribute("aria-atomic", "true");
    els.csv = el("button", { type: "button", "data-format": "csv", text: "CSV" });
    els.json = el("button", { type: "button", "data-format": "json", text: "JSON" });
    els.dlLabel = el("span", { "class": "x-dl-label" });
    els.dlNote = el("span", { "class": "x-hint" });
    els.download = el("p", { "class": "x-download" }, [els.dlLabel, " ", els.csv, " ", els.json, " ", els.dlNote]);
    [els.csv, els.json].forEach(function (b) { b.addEventListener("click", function () { download(b.getAttribute("data-format"), b); }); });
    mainBox.insertBefore(els.download, mainBox.firstChild);
    if (!els.status.parentNode) mainBox.insertBefore(els.status, mainBox.firstChild);
    els.main = mainBox;
    els.table = mainBox.querySelector("table.records");
    if (!els.table) {
      els.table = el("table", { "class": "records stack list-" + dataset }, [el("thead"), el("tbody")]);
      mainBox.appendChild(el("div", { "class": "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "list-title" }, [els.table]));
      Array.prototype.forEach.call(mainBox.querySelectorAll(":scope > p:not(.summary):not(.x-download)"), function (p) { p.remove(); });
    }
    headers();
    window.addEventListener("popstate", function () { apply(normal(pageState()), false); });
    apply(normal(st), false);
  }

  function iso(n) {
    if (!n) return "";
    var s = String(n);
    return s.slice(0, 4) + "-" + s.slice(4, 6) + "-" + s.slice(6, 8);
  }
  function ymd(s) { return s ? parseInt(s.replace(/-/g, ""), 10) || 0 : 0; }

  function sortKeys() {
    var keys = [
      { key: "newest", label: say("x_newest", { field: D.labels.date[li] }) },
      { key: "oldest", label: say("x_oldest", { field: D.labels.date[li] }) },
      { key: "id", label: say("x_asc", { field: D.labels.id[li] }) },
      { key: "-id", label: say("x_desc", { field: D.labels.id[li] }) },
      { key: "title", label: say("x_asc", { field: D.labels.title[li] }) },
      { key: "-title", label: say("x_desc", { field: D.labels.title[li] }) }
    ];
    D.cols.forEach(function (c) {
      keys.push({ key: c.key, label: say("x_asc", { field: c.label[li] }) });
      keys.push({ key: "-" + c.key, label: say("x_desc", { field: c.label[li] }) });
    });
    return keys;
  }

  // The table's headings sort by their column: a button each, with
  // aria-sort on the heading of the current order.
  function headers() {
    var head = els.table.querySelector("thead");
    var keys = ["id", "title"].concat(D.cols.map(function (c) { return c.key; }));
    var labels = [D.labels.id[li], D.labels.title[li]].concat(D.cols.map(function (c) { return c.label[li]; }));
    head.textContent = "";
    var tr = el("tr");
    els.heads = keys.map(function (k, i) {
      var b = el("button", { type: "button", "data-key": k, text: labels[i] });
      b.addEventListener("click", function () {
        var cur = state.sort;
        change({ sort: cur === k ? "-" + k : k, page: 1 });
      });
      var th = el("th", { scope: "col" }, [b]);
      tr.appendChild(th);
      return th;
    });
    head.appendChild(tr);
  }

  // normal drops what the data does not know (a value of an old address).
  function normal(st) {
    var dims = {};
    D.dims.forEach(function (d) {
      var v = (st.dims[d.key] || []).filter(function (c) { return c in d.index; });
      if (v.length) dims[d.key] = v;
    });
    var sorts = sortKeys().map(function (s) { return s.key; });
    return {
      dims: dims,
      from: /^\d{4}-\d\d-\d\d$/.test(st.from) ? st.from : "",
      to: /^\d{4}-\d\d-\d\d$/.test(st.to) ? st.to : "",
      q: (st.q || "").trim(),
      sort: sorts.indexOf(st.sort) >= 0 ? st.sort : "newest",
      page: st.page || 1
    };
  }

  function change(part, typing) {
    var st = Object.assign({}, state, part);
    apply(st, typing ? "replace" : "push");
  }

  // ---- filtering ---------------------------------------------------------------
  function order(key) {
    if (orders[key]) return orders[key];
    var n = D.n, o = new Int32Array(n), i;
    for (i = 0; i < n; i++) o[i] = i;
    var desc = key.charAt(0) === "-";
    var k = desc ? key.slice(1) : key;
    if (key === "oldest") {
      o.reverse();
    } else if (key !== "newest") {
      var rank = k === "id" ? ranks(D.id, true) : k === "title" ? ranks(D.titles[lang], true) : ranks(colOf(k)[lang], false);
      var a = Array.prototype.slice.call(o);
      a.sort(function (x, y) {
        var rx = rank[x], ry = rank[y];
        if (rx !== ry) {
          if (rx < 0) return 1;
          if (ry < 0) return -1;
          return desc ? ry - rx : rx - ry;
        }
        return x - y;
      });
      o = Int32Array.from(a);
    }
    orders[key] = o;
    return o;
  }

  function colOf(key) {
    for (var i = 0; i < D.cols.length; i++) if (D.cols[i].key === key) return D.cols[i];
    return null;
  }

  // ranks gives each record the rank of its cell among the column's
  // distinct values in the page language's collation (-1: empty). Cells
  // are strings, or indexes into the string table (-1: empty).
  function ranks(cells, direct) {
    var distinct = [], seen = new Map();
    var val = direct ? function (c) { return c; } : function (c) { return c >= 0 ? D.s[c] : ""; };
    for (var i = 0; i < cells.length; i++) {
      var s = val(cells[i]);
      if (s !== "" && !seen.has(s)) { seen.set(s, 0); distinct.push(s); }
    }
    var coll = new Intl.Collator(lang === "en" ? "en" : "zh-CN", { numeric: true });
    distinct.sort(coll.compare);
    distinct.forEach(function (s, r) { seen.set(s, r); });
    var out = new Int32Array(cells.length);
    for (i = 0; i < cells.length; i++) {
      var v = val(cells[i]);
      out[i] = v === "" ? -1 : seen.get(v);
    }
    return out;
  }

  function haystack() {
    if (hay) return hay;
    hay = new Array(D.n);
    for (var i = 0; i < D.n; i++) {
      var parts = [D.id[i], D.titles.zh[i], D.titles.en[i]];
      for (var c = 0; c < D.cols.length; c++) {
        var col = D.cols[c];
        if (col.zh[i] >= 0) parts.push(D.s[col.zh[i]]);
        if (col.en !== col.zh && col.en[i] >= 0) parts.push(D.s[col.en[i]]);
      }
      hay[i] = parts.join("\u0001").toLowerCase();
    }
    return hay;
  }

  // filter counts every value of every dimension among the records that
  // pass the other dimensions' filters, and returns the records that pass
  // them all, in the chosen order.
  function filter(st) {
    var dims = D.dims, nd = dims.length, n = D.n, i, j, k;
    var active = [];
    for (j = 0; j < nd; j++) {
      var d = dims[j], want = st.dims[d.key] || [];
      d.on.fill(0);
      d.count.fill(0);
      want.forEach(function (c) { d.on[d.index[c]] = 1; });
      if (want.length) active.push(j);
    }
    var from = ymd(st.from), to = ymd(st.to);
    var terms = st.q ? st.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
    var h = terms.length ? haystack() : null;
    var pass = new Uint8Array(n);
    var fails = new Int32Array(nd); // scratch
    for (i = 0; i < n; i++) {
      if (from && !(D.date[i] >= from) || to && !(D.date[i] && D.date[i] <= to)) continue;
      if (h) {
        var ok = true;
        for (k = 0; k < terms.length && ok; k++) ok = h[i].indexOf(terms[k]) >= 0;
        if (!ok) continue;
      }
      // which active dimensions does the record fail?
      var failed = -1, nfail = 0;
      for (k = 0; k < active.length && nfail < 2; k++) {
        var dd = dims[active[k]], v = dd.rec[i], hit = false;
        if (typeof v === "number") hit = v >= 0 && dd.on[v] === 1;
        else for (var m = 0; m < v.length && !hit; m++) hit = dd.on[v[m]] === 1;
        if (!hit) { failed = active[k]; nfail++; }
      }
      if (nfail >= 2) continue;
      if (nfail === 0) pass[i] = 1;
      // a record counts in a dimension when it passes every other one
      for (j = 0; j < nd; j++) {
        if (nfail === 1 && j !== failed) continue;
        var r = dims[j].rec[i], cnt = dims[j].count;
        if (typeof r === "number") { if (r >= 0) cnt[r]++; }
        else for (m = 0; m < r.length; m++) cnt[r[m]]++;
      }
    }
    var o = order(st.sort), out = [];
    for (i = 0; i < n; i++) if (pass[o[i]]) out.push(o[i]);
    return out;
  }

  // ---- showing -------------------------------------------------------------------
  function apply(st, how) {
    var t0 = performance.now();
    state = st;
    sel = filter(st);
    var pages = Math.max(1, Math.ceil(sel.length / PAGE));
    if (state.page > pages) state.page = pages;
    var qs = query(state), url = root + qs, here = location.pathname + location.search;
    if (how === "push") {
      if (here !== url) history.pushState(null, "", url);
    } else if (how === "replace") {
      history.replaceState(null, "", url);
    } else if (qs && here !== url) {
      // the first view, or back and forward: one address for one state
      history.replaceState(null, "", url);
    }
    Array.prototype.forEach.call(document.querySelectorAll("a.lang-switch"), function (a) {
      a.href = roots[other] + qs;
    });
    show();
    // what the last change took and selected, for e2e/explore.js, which
    // measures the explorer and compares its selection with the downloads
    window.__explore = { ms: performance.now() - t0, matched: sel.length, ids: function () { return sel.map(function (i) { return D.id[i]; }); } };
  }

  function show() {
    var st = state;
    if (els.q.value.trim() !== st.q) els.q.value = st.q;
    els.from.value = st.from;
    els.to.value = st.to;
    els.sort.value = st.sort;
    D.dims.forEach(function (d) {
      var picked = 0, seen = 0;
      d.boxes.forEach(function (b, i) {
        b.box.checked = d.on[i] === 1;
        var c = d.count[i];
        b.count.textContent = num(c);
        b.li.parentNode.classList.toggle("zero", c === 0);
        if (b.box.checked) picked++;
        if (c) seen++;
      });
      d.summary.textContent = picked ? "(" + num(picked) + "/" + num(d.values.length) + ")" : "(" + num(seen) + ")";
      if (picked) d.details.open = true;
    });
    var filtered = Object.keys(st.dims).length || st.from || st.to || st.q;
    els.clear.hidden = !filtered;
    var msg = filtered ? say("x_count_of", { n: num(sel.length), total: num(D.n) }) : say("x_count", { n: num(sel.length) });
    if (!sel.length) msg += " " + say("x_none");
    els.status.textContent = msg;
    els.dlLabel.textContent = say("x_download", { n: num(sel.length) }) + (lang === "en" ? ":" : "：");
    els.dlNote.textContent = say("x_download_note");
    els.csv.disabled = els.json.disabled = sel.length === 0;

    var desc = st.sort.charAt(0) === "-", key = desc ? st.sort.slice(1) : st.sort;
    els.heads.forEach(function (th) {
      var k = th.firstChild.getAttribute("data-key");
      if (k === key) th.setAttribute("aria-sort", desc ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });

    var body = els.table.querySelector("tbody");
    var lo = (st.page - 1) * PAGE, rows = sel.slice(lo, lo + PAGE);
    var html = [];
    rows.forEach(function (i) { html.push(row(i)); });
    body.innerHTML = html.join("");
    els.table.parentNode.hidden = rows.length === 0;
    var cap = els.table.querySelector("caption");
    if (cap) cap.textContent = document.getElementById("list-title").textContent + " " + say("page_of", { n: st.page, total: Math.max(1, Math.ceil(sel.length / PAGE)) });
    pager(Math.max(1, Math.ceil(sel.length / PAGE)));
  }

  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
  function textLang(s) {
    if (lang === "en" && HAN.test(s)) return ' lang="zh-CN"';
    if (lang === "zh" && !HAN.test(s) && /[A-Za-z]/.test(s) && s.indexOf(" ") >= 0) return ' lang="en"';
    return "";
  }

  function row(i) {
    var title = D.titles[lang][i];
    // as the list pages write them (generator/site/html.go rowHTML); the
    // labels of the cards on phones come from the stylesheet
    var out = "<tr><td>" + esc(D.id[i]) + "</td>" +
      '<td><a href="' + esc(root + D.slugs[i] + "/") + '"' + textLang(title) + ">" + esc(title) + "</a></td>";
    D.cols.forEach(function (c) {
      var s = c[lang][i] >= 0 ? D.s[c[lang][i]] : "";
      out += "<td" + textLang(s) + ">" + esc(s) + "</td>";
    });
    return out + "</tr>";
  }

  function pager(total) {
    var old = els.main.querySelector("nav.pager");
    if (old) old.remove();
    if (total <= 1) return;
    var n = state.page;
    var ul = el("ul");
    function link(p, label, extra) {
      var a = el("a", Object.assign({ href: root + query(Object.assign({}, state, { page: p })), text: label }, extra || {}));
      a.addEventListener("click", function (e) {
        e.preventDefault();
        change({ page: p });
        els.status.scrollIntoView({ block: "start" });
      });
      ul.appendChild(el("li", null, [a]));
    }
    if (n > 1) link(n - 1, say("prev_page"), { rel: "prev" });
    var last = 0;
    [1].concat([n - 2, n - 1, n, n + 1, n + 2], [total]).forEach(function (p) {
      if (p <= last || p < 1 || p > total) return;
      if (p > last + 1) ul.appendChild(el("li", { "class": "gap", "aria-hidden": "true", text: "…" }));
      link(p, num(p), p === n ? { "aria-current": "page", "aria-label": say("page_of", { n: p, total: total }) } : { "aria-label": say("page_n", { n: p }) });
      last = p;
    });
    if (n < total) link(n + 1, say("next_page"), { rel: "next" });
    els.main.appendChild(el("nav", { "class": "pager", "aria-label": say("pagination") }, [ul]));
  }

  // ---- downloading the selection --------------------------------------------------
  function fileName(ext) {
    var parts = [dataset];
    D.dims.forEach(function (d) {
      var v = state.dims[d.key];
      if (v && v.length) parts.push(d.key + "-" + v.join("+"));
    });
    if (state.from || state.to) parts.push((state.from || "") + "--" + (state.to || ""));
    if (state.q) parts.push("q-" + state.q.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 40));
    if (parts.length === 1) parts.push("all");
    parts.push(D.release);
    return parts.join("_") + "." + ext;
  }

  // records splits CSV text into its records, each as written (quotes and
  // line breaks inside quotes kept), without the CRLF that ends it.
  function records(text) {
    var out = [], start = 0, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (!quoted && c === 13 && text.charCodeAt(i + 1) === 10) {
        out.push(text.slice(start, i));
        start = i + 2;
        i++;
      }
    }
    if (start < text.length) out.push(text.slice(start));
    return out;
  }

  function firstField(rec) {
    if (rec.charAt(0) !== '"') return rec.split(",")[0];
    var end = 1;
    for (;;) {
      var q = rec.indexOf('"', end);
      if (q < 0) return rec.slice(1);
      if (rec.charAt(q + 1) === '"') { end = q + 2; continue; }
      return rec.slice(1, q).replace(/""/g, '"');
    }
  }

  function download(format, button) {
    var want = {};
    sel.forEach(function (i) { want[D.id[i]] = true; });
    var url = base + "downloads/" + dataset + "." + format;
    button.disabled = true;
    els.dlNote.textContent = say("x_loading");
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return format === "csv" ? r.text() : r.json();
    }).then(function (body) {
      var blob;
      if (format === "csv") {
        var recs = records(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
        var keep = [recs[0]];
        for (var i = 1; i < recs.length; i++) if (want[firstField(recs[i])]) keep.push(recs[i]);
        blob = new Blob(["\ufeff" + keep.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      } else {
        var out = {};
        Object.keys(body).forEach(function (k) { if (k !== "records") out[k] = body[k]; });
        var kept = body.records.filter(function (r) { return want[r.id]; });
        out.count = kept.length;
        out.filter = query(Object.assign({}, state, { sort: "newest", page: 1 })).slice(1);
        var head = JSON.stringify(out);
        blob = new Blob([head.slice(0, -1) + ',"records":[\n' + kept.map(function (r) { return JSON.stringify(r); }).join(",\n") + "\n]}\n"], { type: "application/json" });
      }
      var a = el("a", { href: URL.createObjectURL(blob), download: fileName(format), hidden: true, text: fileName(format) });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      els.dlNote.textContent = say("x_download_note");
    }).catch(function () {
      els.dlNote.textContent = say("x_failed");
    }).then(function () { button.disabled = sel.length === 0; });
  }

  // ---- start -------------------------------------------------------------------------
  // The panel's links and a button that opens the explorer; the data is
  // fetched on the first use of either, or now when the address has a query.
  var open = el("button", { type: "button", "class": "x-open", "aria-expanded": "false" });
  open.textContent = lang === "en" ? "Combine filters, search and download" : "组合筛选、查找和下载";
  var heading = nav.querySelector("h2");
  heading.insertAdjacentElement("afterend", open);
  open.addEventListener("click", function () {
    open.disabled = true;
    load().then(function () { if (els.q) els.q.focus(); });
  });
  nav.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a");
    if (!a || D || !nav.contains(a) || a.closest("form")) return;
    var path = decodeURIComponent(new URL(a.href).pathname);
    var seg = path.indexOf(root) === 0 ? path.slice(root.length).split("/").filter(Boolean) : [];
    if (seg.length !== 2 || seg[0] === "page") return; // a sort or the clear link: follow it
    e.preventDefault();
    load().then(function () {
      var dims = Object.assign({}, state.dims);
      var cur = dims[seg[0]] || [];
      if (cur.indexOf(seg[1]) < 0) dims[seg[0]] = cur.concat([seg[1]]);
      change({ dims: dims, page: 1 });
    });
  });
  if (pageState().fromQuery) load();
})();
