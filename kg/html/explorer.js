/* govkg explorer: search, filters, side panel and expand over a vis-network graph.
 *
 * Every string from the graph is written with textContent (never innerHTML),
 * so names and sentences always show as text.
 */
(function () {
  "use strict";
  var started = performance.now();
  var DATA = unpack(JSON.parse(document.getElementById("govkg-data").textContent));
  var details = DATA.details;
  var TYPES = {};
  DATA.types.forEach(function (t) { TYPES[t.key] = t; });

  // The page carries short arrays (kg.export.html.page_payload); here they become records.
  //   node:   [label, type number, value, province/city node ids, x?, y?]   (id = its position)
  //   edge:   [from, to, relation name number, evidence numbers, role]
  //   detail: [aliases, iri without raw.base, adminLevel, adcode, article numbers,
  //            statistic node ids, degree, members]
  // A node's relations are its edges, out and in; a statistic's text is its node's label
  // and its evidence that of its edge to what it measures.
  function unpack(raw) {
    var kinds = raw.types;
    raw.nodes = raw.nodes.map(function (n, i) {
      var t = kinds[n[1]];
      var node = { id: i, label: n[0], type: t.key, value: n[2], regions: n[3],
                   color: t.color, shape: t.shape, title: n[0] + " · " + t.name };
      if (n.length > 4) { node.x = n[4]; node.y = n[5]; }
      return node;
    });
    var relations = raw.nodes.map(function () { return []; });
    raw.edges = raw.edges.map(function (e, i) {
      var name = raw.names[e[2]];
      relations[e[0]].push({ dir: "out", name: name, node: e[1], evidence: e[3], role: e[4] });
      relations[e[1]].push({ dir: "in", name: name, node: e[0], evidence: e[3], role: e[4] });
      return { id: i, from: e[0], to: e[1], title: name };
    });
    function byPanelOrder(a, b) {
      var x = [a.dir, a.name, raw.nodes[a.node].label], y = [b.dir, b.name, raw.nodes[b.node].label];
      for (var k = 0; k < 3; k++) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
      return a.node - b.node;
    }
    raw.details = raw.details.map(function (d, i) {
      return {
        label: raw.nodes[i].label, type: raw.nodes[i].type, aliases: d[0],
        iri: !d[1] || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(d[1]) ? d[1] : raw.base + d[1],   // a scheme: kept whole
        adminLevel: d[2], adcode: d[3],
        articles: d[4], degree: d[6], members: d[7].length ? d[7] : null,
        relations: relations[i].sort(byPanelOrder),
        statistics: d[5].map(function (s) {
          var measured = relations[s].filter(function (r) { return r.dir === "out" && r.node === i; })[0];
          return { node: s, label: raw.nodes[s].label, evidence: measured ? measured.evidence : [] };
        })
      };
    });
    return raw;
  }

  // ---------------------------------------------------------------- the whole graph
  var record = new Map();         // id -> vis node record (full graph)
  var neighbours = new Map();     // id -> Set of ids
  var edgesOf = new Map();        // id -> [edge records]
  DATA.nodes.forEach(function (n) { record.set(n.id, n); neighbours.set(n.id, new Set()); edgesOf.set(n.id, []); });
  DATA.edges.forEach(function (e) {
    neighbours.get(e.from).add(e.to);
    neighbours.get(e.to).add(e.from);
    edgesOf.get(e.from).push(e);
    edgesOf.get(e.to).push(e);
  });
  var searchIndex = DATA.nodes.map(function (n) {
    var names = [n.label].concat(details[n.id].aliases);
    return { id: n.id, names: names, lower: names.map(function (s) { return s.toLowerCase(); }), value: n.value };
  });

  // ---------------------------------------------------------------- what is drawn
  var initial = new Set(DATA.initial);
  var nodes = new vis.DataSet(DATA.nodes.filter(function (n) { return initial.has(n.id); }));
  var edges = new vis.DataSet(DATA.edges.filter(function (e) { return initial.has(e.from) && initial.has(e.to); }));
  var FOLDED = new Set(DATA.folded || []);      // types listed in panels, drawn only on request
  function defaultTypes() { return new Set(Object.keys(TYPES).filter(function (k) { return !FOLDED.has(k); })); }
  var state = { types: defaultTypes(), region: "", neighbourhood: false, selected: null, grouped: false };

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  var loading = document.getElementById("loading");
  var fill = document.getElementById("loading-fill");

  var api = window.govkg = {
    network: network, nodes: nodes, edges: edges, data: DATA,
    ready: false, readyAfterMs: null, focusNode: focusNode, expand: expand
  };

  // Hub labels stay about 15 px on screen whatever the zoom; other labels show once zoomed in.
  var HUBS = DATA.hubs || [];
  function labelHubs() {
    var size = Math.max(14, 15 / network.getScale());
    nodes.update(HUBS.filter(function (id) { return nodes.get(id); }).map(function (id) {
      return { id: id, font: { size: size, bold: true, strokeWidth: 4, strokeColor: "#ffffff" } };
    }));
  }
  network.on("zoom", labelHubs);
  api.hubs = HUBS;

  function settled() {
    if (api.ready) return;
    network.setOptions({ physics: { enabled: false } });
    network.fit();
    labelHubs();
    loading.classList.add("done");
    api.ready = true;
    api.readyAfterMs = performance.now() - started;
    api.readyAt = performance.now();
    updateStatus();
    if (DATA.focus) focusNode(DATA.focus);
  }
  network.on("stabilizationProgress", function (p) { fill.style.width = (100 * p.iterations / p.total) + "%"; });
  network.once("stabilizationIterationsDone", settled);
  if (nodes.length === 0) settled();

  // ---------------------------------------------------------------- edge labels on hover
  network.on("hoverEdge", function (p) {
    var e = edges.get(p.edge);
    if (e) edges.update({ id: e.id, label: e.title });
  });
  network.on("blurEdge", function (p) {
    if (edges.get(p.edge)) edges.update({ id: p.edge, label: "" });
  });

  // ---------------------------------------------------------------- visibility
  function passesFilters(id) {
    var n = record.get(id);
    if (!state.types.has(n.type)) return false;
    if (state.region !== "" && n.regions.indexOf(state.region) < 0) return false;
    return true;
  }

  function applyVisibility() {
    var around = null;
    if (state.neighbourhood && state.selected) {
      around = new Set(neighbours.get(state.selected));
      around.add(state.selected);
    }
    var updates = [];
    nodes.forEach(function (n) {
      var show = around ? around.has(n.id) : passesFilters(n.id);
      if (!!n.hidden === show) updates.push({ id: n.id, hidden: !show });
    });
    if (updates.length) nodes.update(updates);
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var show = !nodes.get(e.from).hidden && !nodes.get(e.to).hidden;
      if (!!e.hidden === show) edgeUpdates.push({ id: e.id, hidden: !show });
    });
    if (edgeUpdates.length) edges.update(edgeUpdates);
    updateStatus();
  }

  function updateStatus() {
    var shown = nodes.get({ filter: function (n) { return !n.hidden; } }).length;
    var text = "显示 " + shown + " / " + DATA.nodes.length + " 个节点 nodes";
    var drawable = DATA.nodes.filter(function (n) { return !FOLDED.has(n.type); }).length;
    if (nodes.length < drawable) text += " · 双击展开 double-click to expand";
    document.getElementById("status").textContent = text;
  }

  // Add nodes from the whole graph, placed on a ring around `centre`.
  function addNodes(ids, centre) {
    var fresh = ids.filter(function (id) { return !nodes.get(id); }).sort();
    if (!fresh.length) return [];
    var origin = { x: 0, y: 0 };
    if (centre && nodes.get(centre)) origin = network.getPositions([centre])[centre];
    var radius = 80 + 12 * Math.sqrt(fresh.length) * 4;
    nodes.add(fresh.map(function (id, i) {
      var angle = 2 * Math.PI * i / fresh.length;
      return Object.assign({}, record.get(id), {
        x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle)
      });
    }));
    var seen = new Set();
    var newEdges = [];
    fresh.forEach(function (id) {
      edgesOf.get(id).forEach(function (e) {
        if (!seen.has(e.id) && !edges.get(e.id) && nodes.get(e.from) && nodes.get(e.to)) {
          seen.add(e.id);
          newEdges.push(e);
        }
      });
    });
    edges.add(newEdges);
    return fresh;
  }

  function expand(id) {
    var added = addNodes(Array.from(neighbours.get(id)), id);
    applyVisibility();
    return added.length;
  }

  // ---------------------------------------------------------------- focus and select
  function focusNode(id) {
    if (!record.has(id)) return;
    if (state.grouped) setGrouped(false);
    if (!nodes.get(id)) {
      var anchor = Array.from(neighbours.get(id)).filter(function (m) { return nodes.get(m); }).sort()[0];
      addNodes([id], anchor);
      updateStatus();
    }
    if (!passesFilters(id)) {
      state.types.add(record.get(id).type);
      syncLegend();
      if (state.region !== "" && record.get(id).regions.indexOf(state.region) < 0) {
        state.region = "";
        document.getElementById("region").value = "";
      }
      applyVisibility();
    }
    select(id);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
  }

  function select(id) {
    state.selected = id;
    if (state.neighbourhood) {
      addNodes(Array.from(neighbours.get(id)), id);
      applyVisibility();
    }
    showPanel(id);
  }

  network.on("click", function (p) {
    if (p.nodes.length) {
      var id = p.nodes[0];
      if (network.isCluster(id)) { network.openCluster(id); return; }
      select(id);
    }
  });
  network.on("doubleClick", function (p) {
    if (p.nodes.length && !network.isCluster(p.nodes[0])) expand(p.nodes[0]);
  });

  // ---------------------------------------------------------------- side panel
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function nodeLink(id) {
    var a = el("a", details[id] ? details[id].label : id, "node-link");
    a.href = "#";
    a.addEventListener("click", function (ev) { ev.preventDefault(); focusNode(id); });
    return a;
  }

  function evidenceList(li, numbers) {          // sentences and titles are listed once in DATA
    (numbers || []).forEach(function (n) {
      var ev = DATA.evidence[n];
      if (ev[0]) li.appendChild(el("blockquote", ev[0], "evidence"));
      if (ev[1] >= 0) li.appendChild(el("span", "— " + DATA.articles[ev[1]], "source"));
    });
  }

  function showPanel(id) {
    var d = details[id];
    var t = TYPES[d.type];
    body.textContent = "";
    body.appendChild(el("h2", d.label));
    var badge = el("span", t.name, "badge");
    badge.style.background = t.color;
    body.appendChild(badge);

    var dl = el("dl");
    function row(k, v) { if (v) { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); } }
    row("别名 Aliases", d.aliases.join("、"));
    row("级别 Level", d.adminLevel);
    row("区划代码 Adcode", d.adcode);
    row("连接 Degree", String(d.degree));
    row("IRI", d.iri);
    body.appendChild(dl);

    var actions = el("div", null, "actions");
    var hidden = Array.from(neighbours.get(id)).filter(function (m) { return !nodes.get(m); }).length;
    if (hidden) {
      var b = el("button", "展开 Expand " + hidden + " neighbours");
      b.id = "expand";
      b.addEventListener("click", function () { expand(id); showPanel(id); });
      actions.appendChild(b);
    }
    if (actions.childNodes.length) body.appendChild(actions);

    body.appendChild(el("h3", "关系 Relations (" + d.relations.length + ")"));
    var rels = el("ul", null, "relations");
    d.relations.forEach(function (r) {
      var li = el("li");
      li.appendChild(el("span", (r.dir === "out" ? "→ " : "← ") + r.name, "rel-name"));
      li.appendChild(nodeLink(r.node));
      evidenceList(li, r.evidence);
      rels.appendChild(li);
    });
    if (!d.relations.length) rels.appendChild(el("li", "无 none", "none"));
    body.appendChild(rels);

    body.appendChild(el("h3", "统计 Statistics (" + d.statistics.length + ")"));
    var stats = el("ul", null, "statistics");
    d.statistics.forEach(function (s) {
      var li = el("li");
      li.appendChild(el("strong", s.label));
      evidenceList(li, s.evidence);
      stats.appendChild(li);
    });
    if (!d.statistics.length) stats.appendChild(el("li", "无 none", "none"));
    body.appendChild(stats);

    if (d.members) {
      body.appendChild(el("h3", "记者 Reporters (" + d.members.length + ")"));
      var who = el("ul", null, "members");
      d.members.forEach(function (name) { who.appendChild(el("li", name)); });
      body.appendChild(who);
    }
    body.appendChild(el("h3", "提及文章 Articles (" + d.articles.length + ")"));
    var arts = el("ul", null, "articles");
    d.articles.forEach(function (n) { arts.appendChild(el("li", DATA.articles[n])); });
    if (!d.articles.length) arts.appendChild(el("li", "无 none", "none"));
    body.appendChild(arts);
    panel.hidden = false;
  }

  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    state.selected = null;
    network.unselectAll();
    applyVisibility();
  });

  // ---------------------------------------------------------------- search
  var search = document.getElementById("search");
  var list = document.getElementById("suggestions");
  var matches = [];
  var active = 0;

  function findMatches(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    searchIndex.forEach(function (entry) {
      var best = null;
      entry.lower.forEach(function (name, i) {
        var rank = name === q ? 0 : name.indexOf(q) === 0 ? 1 : name.indexOf(q) > 0 ? 2 : -1;
        if (rank >= 0 && (!best || rank < best.rank)) best = { rank: rank, name: entry.names[i] };
      });
      if (best) found.push({ id: entry.id, rank: best.rank, name: best.name, value: entry.value });
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    return found.slice(0, 20);
  }
  api.findMatches = findMatches;

  function renderSuggestions() {
    list.textContent = "";
    matches.forEach(function (m, i) {
      var d = details[m.id];
      var li = el("li");
      li.setAttribute("role", "option");
      if (i === active) li.className = "active";
      li.appendChild(el("span", d.label));
      if (m.name !== d.label) li.appendChild(el("span", "(" + m.name + ")", "hint"));
      li.appendChild(el("span", TYPES[d.type].name, "hint"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      list.appendChild(li);
    });
    list.hidden = matches.length === 0;
  }

  function choose(i) {
    var m = matches[i];
    if (!m) return;
    list.hidden = true;
    search.value = details[m.id].label;
    focusNode(m.id);
  }

  search.addEventListener("input", function () { matches = findMatches(search.value); active = 0; renderSuggestions(); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, matches.length - 1); renderSuggestions(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); renderSuggestions(); ev.preventDefault(); }
    else if (ev.key === "Enter") {
      if (!matches.length) matches = findMatches(search.value);
      choose(active);
    } else if (ev.key === "Escape") { list.hidden = true; }
  });
  search.addEventListener("blur", function () { list.hidden = true; });

  // ---------------------------------------------------------------- legend = type filter
  var legend = document.getElementById("legend");
  var SVG = "http://www.w3.org/2000/svg";
  var SHAPES = {
    dot: ["circle", { cx: 8, cy: 8, r: 6 }],
    square: ["rect", { x: 2, y: 2, width: 12, height: 12 }],
    diamond: ["polygon", { points: "8,1 15,8 8,15 1,8" }],
    triangle: ["polygon", { points: "8,1 15,14 1,14" }],
    triangleDown: ["polygon", { points: "1,2 15,2 8,15" }],
    star: ["polygon", { points: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6" }]
  };
  var counts = {};
  DATA.nodes.forEach(function (n) { counts[n.type] = (counts[n.type] || 0) + 1; });
  var boxes = {};
  DATA.types.forEach(function (t) {
    var label = el("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = state.types.has(t.key);
    box.value = t.key;
    box.addEventListener("change", function () {
      if (box.checked) { state.types.add(t.key); drawType(t.key); } else state.types.delete(t.key);
      applyVisibility();
      refit();
    });
    boxes[t.key] = box;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    var spec = SHAPES[t.shape] || SHAPES.dot;
    var shape = document.createElementNS(SVG, spec[0]);
    Object.keys(spec[1]).forEach(function (k) { shape.setAttribute(k, spec[1][k]); });
    shape.setAttribute("fill", t.color);
    svg.appendChild(shape);
    label.appendChild(box);
    label.appendChild(svg);
    label.appendChild(el("span", t.name));
    label.appendChild(el("span", String(counts[t.key] || 0), "count"));
    legend.appendChild(label);
  });
  function syncLegend() {
    Object.keys(boxes).forEach(function (k) { boxes[k].checked = state.types.has(k); });
  }

  // ---------------------------------------------------------------- region filter
  var region = document.getElementById("region");
  DATA.regions.forEach(function (p) {
    var opt = el("option", p.label);
    opt.value = p.id;
    region.appendChild(opt);
    p.cities.forEach(function (c) {
      var sub = el("option", "\u00a0\u00a0— " + c.label);
      sub.value = c.id;
      region.appendChild(sub);
    });
  });
  region.hidden = DATA.regions.length === 0;
  region.addEventListener("change", function () {
    state.region = region.value === "" ? "" : +region.value;
    applyVisibility();
    refit();
  });

  // Draw the nodes of a folded type (statistics) that hang on nodes already drawn.
  function drawType(key) {
    if (!FOLDED.has(key)) return;
    var ids = DATA.nodes.filter(function (n) {
      return n.type === key && !nodes.get(n.id) && Array.from(neighbours.get(n.id)).some(function (m) { return nodes.get(m); });
    }).map(function (n) { return n.id; });
    ids.forEach(function (id) {
      var anchor = Array.from(neighbours.get(id)).filter(function (m) { return nodes.get(m); }).sort()[0];
      addNodes([id], anchor);
    });
  }

  // Zoom to what the filters leave.
  function refit() {
    var shown = nodes.getIds({ filter: function (n) { return !n.hidden; } });
    if (shown.length) network.fit({ nodes: shown });
    labelHubs();
    api.fitted = shown.length;
  }

  // ---------------------------------------------------------------- toggles
  document.getElementById("neighbourhood").addEventListener("change", function (ev) {
    state.neighbourhood = ev.target.checked;
    if (state.neighbourhood && state.selected) addNodes(Array.from(neighbours.get(state.selected)), state.selected);
    applyVisibility();
  });

  var clusters = [];
  function setGrouped(on) {
    state.grouped = on;
    document.getElementById("group").checked = on;
    if (on) {
      DATA.regions.forEach(function (p) {
        var members = nodes.get({ filter: function (n) { return n.type === "place" && !n.hidden && n.regions.indexOf(p.id) >= 0; } });
        if (members.length < 2) return;
        network.cluster({
          joinCondition: function (n) { return n.type === "place" && !n.hidden && n.regions.indexOf(p.id) >= 0; },
          processProperties: function (props) { clusters.push(props.id); return props; },
          clusterNodeProperties: {
            id: "cluster:" + p.id, label: p.label + " (" + members.length + ")", shape: "dot",
            color: TYPES.place.color, value: members.length * 4, borderWidth: 3, type: "place", regions: [p.id]
          }
        });
      });
    } else {
      clusters.forEach(function (id) {
        if (network.body.nodes[id] !== undefined && network.isCluster(id)) network.openCluster(id);
      });
      clusters = [];
    }
  }
  document.getElementById("group").addEventListener("change", function (ev) { setGrouped(ev.target.checked); });

  document.getElementById("reset").addEventListener("click", function () {
    setGrouped(false);
    state.types = defaultTypes();
    state.region = "";
    state.neighbourhood = false;
    state.selected = null;
    region.value = "";
    document.getElementById("neighbourhood").checked = false;
    search.value = "";
    syncLegend();
    panel.hidden = true;
    network.unselectAll();
    applyVisibility();
    network.fit();
  });

  updateStatus();
})();
