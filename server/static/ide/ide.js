// eventgraph's GraphQL IDE: a query editor, a variables box, a result pane
// and a docs pane built from introspection. Plain JS, no dependencies.
(function () {
  "use strict";
  var endpoint = location.pathname;
  var $ = function (id) { return document.getElementById(id); };
  var query = $("query"), vars = $("variables"), result = $("result"), status = $("status");

  var examples = [
    ["Recent events", "query RecentEvents($first: Int) {\n  events(order: DESC, first: $first) {\n    totalCount\n    edges {\n      node {\n        date { value }\n        type\n        cameo\n        title\n        participants { role actor { name } }\n        place { name country }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n}", "{\n  \"first\": 10\n}"],
    ["Actor by alias", "{\n  actor(name: \"abdul amir al shammari\") {\n    name\n    kind\n    aliases\n    roles { title from to organization { name } }\n    events(first: 20) {\n      totalCount\n      nodes { date { value } title }\n    }\n  }\n}", ""],
    ["Agreements", "{\n  agreements {\n    name\n    kind\n    date { value precision }\n    parties { name }\n    signatories { name }\n    topics\n    place { name }\n    evidence { sentence article { title source url } }\n  }\n}", ""],
    ["Filter events", "query Filter($from: String, $to: String, $text: String) {\n  events(from: $from, to: $to, text: $text, first: 50) {\n    totalCount\n    nodes { id date { value } type title status }\n  }\n}", "{\n  \"from\": \"2024\",\n  \"to\": \"2024-12\",\n  \"text\": \"border\"\n}"],
    ["Stats", "{\n  stats {\n    articles events actors places agreements\n    byType { type count }\n    byMonth { month count }\n    byActor(first: 10) { actor { name } count }\n  }\n}", ""],
    ["Articles", "{\n  articles(first: 20) {\n    totalCount\n    nodes { published source title url events { title } }\n  }\n}", ""]
  ];

  // ---- editor ----
  function load(q, v) { query.value = q; vars.value = v || ""; save(); }
  function save() {
    try { localStorage.setItem("eventgraph.ide", JSON.stringify({ q: query.value, v: vars.value })); } catch (e) { /* private mode */ }
  }
  var nav = $("examples");
  examples.forEach(function (ex) {
    var b = document.createElement("button");
    b.textContent = ex[0];
    b.title = "Load this example (then Run)";
    b.onclick = function () { load(ex[1], ex[2]); run(); };
    nav.appendChild(b);
  });
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem("eventgraph.ide") || "null"); } catch (e) { saved = null; }
  var fromLink = location.hash.indexOf("#q=") === 0; // a shared link: load and run it
  if (fromLink) {
    load(decodeURIComponent(location.hash.slice(3)), "");
  } else if (saved && saved.q) {
    load(saved.q, saved.v);
  } else {
    load(examples[0][1], examples[0][2]);
  }

  function keys(e) {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); return; }
    if (e.key === "Tab" && !e.shiftKey) {
      e.preventDefault();
      var t = e.target, s = t.selectionStart;
      t.value = t.value.slice(0, s) + "  " + t.value.slice(t.selectionEnd);
      t.selectionStart = t.selectionEnd = s + 2;
    }
  }
  query.addEventListener("keydown", keys);
  vars.addEventListener("keydown", keys);
  query.addEventListener("input", save);
  vars.addEventListener("input", save);

  // ---- running ----
  function post(body) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.text().then(function (t) {
        var j;
        try { j = JSON.parse(t); } catch (e) { j = { errors: [{ message: "HTTP " + r.status + ": " + t }] }; }
        return { status: r.status, json: j };
      });
    });
  }

  function run() {
    var v = null;
    if (vars.value.trim()) {
      try { v = JSON.parse(vars.value); } catch (e) {
        show("Variables are not valid JSON: " + e.message, true, "");
        return;
      }
    }
    var btn = $("run"), t0 = performance.now();
    btn.disabled = true;
    status.textContent = "running…"; status.className = "";
    post({ query: query.value, variables: v }).then(function (r) {
      var ms = Math.round(performance.now() - t0);
      var bad = r.status !== 200 || (r.json.errors && r.json.errors.length);
      show(JSON.stringify(r.json, null, 2), bad, "HTTP " + r.status + " · " + ms + " ms" + (bad ? " · errors" : ""));
    }).catch(function (e) {
      show("Request failed: " + e.message, true, "");
    }).then(function () { btn.disabled = false; });
  }
  function show(text, bad, st) {
    result.textContent = text;
    result.className = bad ? "error" : "";
    status.textContent = st;
    status.className = bad ? "bad" : "ok";
  }
  $("run").onclick = run;
  if (fromLink) run();

  // ---- docs ----
  var main = document.querySelector("main");
  $("docs-toggle").onclick = function () { main.classList.toggle("nodocs"); };

  var typeRef = "fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
  var introspection = "query IDEIntrospection { __schema { queryType { name } types { kind name description " +
    "fields { name description args { name description defaultValue type { ...T } } type { ...T } } " +
    "enumValues { name description } interfaces { name } possibleTypes { name } } } } " + typeRef;

  var types = {}, queryType = "Query", history = [];
  var body = $("docs-body"), crumbs = $("crumbs");

  post({ query: introspection }).then(function (r) {
    if (!r.json.data) { body.textContent = "Could not load the schema: " + JSON.stringify(r.json.errors); return; }
    var s = r.json.data.__schema;
    queryType = s.queryType.name;
    s.types.forEach(function (t) { types[t.name] = t; });
    showType(queryType, true);
  }).catch(function (e) { body.textContent = "Could not load the schema: " + e.message; });

  // SDL descriptions are hard-wrapped: join the lines of a paragraph.
  function prose(s) { return s.replace(/([^\n])\n(?!\n)/g, "$1 "); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function typeLink(t) {
    // renders a type reference ([Event!]!) with a link on the named type
    var span = el("span");
    (function walk(t) {
      if (t.kind === "NON_NULL") { walk(t.ofType); span.appendChild(document.createTextNode("!")); return; }
      if (t.kind === "LIST") { span.appendChild(document.createTextNode("[")); walk(t.ofType); span.appendChild(document.createTextNode("]")); return; }
      var a = el("a", "type", t.name);
      a.onclick = function () { showType(t.name); };
      span.appendChild(a);
    })(t);
    return span;
  }
  function renderCrumbs() {
    crumbs.textContent = "";
    history.forEach(function (name, i) {
      if (i) crumbs.appendChild(document.createTextNode(" › "));
      if (i === history.length - 1) { crumbs.appendChild(el("b", null, name)); return; }
      var a = el("a", null, name);
      a.onclick = function () { history = history.slice(0, i); showType(name); };
      crumbs.appendChild(a);
    });
    crumbs.appendChild(document.createTextNode("  "));
    var all = el("a", null, "(all types)");
    all.onclick = function () { showAll(""); };
    crumbs.appendChild(all);
  }
  function showType(name, reset) {
    var t = types[name];
    if (!t) return;
    if (reset) history = [];
    history.push(name);
    renderCrumbs();
    body.textContent = "";
    var h = el("h2", null, t.name);
    h.appendChild(el("span", "kind", t.kind.toLowerCase()));
    body.appendChild(h);
    if (t.description) body.appendChild(el("p", "desc", prose(t.description)));
    if (t.interfaces && t.interfaces.length) {
      var p = el("p", "desc", "implements ");
      t.interfaces.forEach(function (i) { p.appendChild(typeLink({ kind: "OBJECT", name: i.name })); p.appendChild(document.createTextNode(" ")); });
      body.appendChild(p);
    }
    if (t.fields) {
      body.appendChild(el("h3", null, "Fields"));
      t.fields.forEach(function (f) { body.appendChild(fieldView(f)); });
    }
    if (t.enumValues) {
      body.appendChild(el("h3", null, "Values"));
      t.enumValues.forEach(function (v) {
        var d = el("div", "field");
        d.appendChild(el("span", "name", v.name));
        if (v.description) d.appendChild(el("p", "desc", prose(v.description)));
        body.appendChild(d);
      });
    }
    if (t.possibleTypes && t.possibleTypes.length) {
      body.appendChild(el("h3", null, "Implemented by"));
      t.possibleTypes.forEach(function (p) { body.appendChild(typeLink({ kind: "OBJECT", name: p.name })); body.appendChild(document.createTextNode(" ")); });
    }
    body.scrollTop = 0;
  }
  function fieldView(f) {
    var d = el("div", "field");
    d.appendChild(el("span", "name", f.name));
    if (f.args && f.args.length) d.appendChild(document.createTextNode("(…)"));
    d.appendChild(document.createTextNode(": "));
    d.appendChild(typeLink(f.type));
    if (f.description) d.appendChild(el("p", "desc", prose(f.description)));
    if (f.args && f.args.length) {
      var args = el("div", "args");
      f.args.forEach(function (a) {
        var row = el("div");
        row.appendChild(el("span", "arg", a.name));
        row.appendChild(document.createTextNode(": "));
        row.appendChild(typeLink(a.type));
        if (a.defaultValue != null) row.appendChild(document.createTextNode(" = " + a.defaultValue));
        if (a.description) row.appendChild(el("span", "adesc", " — " + prose(a.description)));
        args.appendChild(row);
      });
      d.appendChild(args);
    }
    return d;
  }
  function showAll(filter) {
    history = [];
    crumbs.textContent = "";
    var a = el("a", null, queryType);
    a.onclick = function () { showType(queryType, true); };
    crumbs.appendChild(a);
    body.textContent = "";
    var f = filter.toLowerCase();
    var ul = el("ul", "types");
    Object.keys(types).sort().forEach(function (name) {
      if (name.indexOf("__") === 0) return;
      var t = types[name];
      var hits = [];
      if (f && t.fields) t.fields.forEach(function (fl) {
        if ((fl.name + " " + (fl.description || "")).toLowerCase().indexOf(f) >= 0) hits.push(fl.name);
      });
      var own = !f || (name + " " + (t.description || "")).toLowerCase().indexOf(f) >= 0;
      if (!own && !hits.length) return;
      var li = el("li");
      li.appendChild(typeLink({ kind: t.kind, name: name }));
      li.appendChild(el("span", "kind", t.kind.toLowerCase()));
      if (hits.length) li.appendChild(el("span", "kind", "· " + hits.join(", ")));
      if (t.description) li.appendChild(el("p", "desc", t.description.split("\n")[0]));
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }
  $("docs-search").addEventListener("input", function (e) {
    var v = e.target.value.trim();
    if (v) showAll(v); else showType(queryType, true);
  });
})();
