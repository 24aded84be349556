/* govkg report: a map of where programmes, agencies and officials are reported,
 * a timeline of first reports per place, and sortable tables, drawn with Plotly.
 *
 * Every string from the graph is written with textContent (never innerHTML),
 * so names and sentences always show as text.
 */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("report-data").textContent);
  var KIND_NAMES = { programme: "项目 Programmes", agency: "机构 Agencies", person: "官员 Officials" };
  var ITEMS = { programme: D.programmes, agency: D.agencies, person: D.people };
  var TRACE = { places: 0, chosen: 1, province: 2, city: 3 };     // the map's traces, in order
  var CITY_ZOOM = 2.5;          // projection scale from which city borders are drawn
  var mapDiv = document.getElementById("map");
  var panel = document.getElementById("panel");
  var api = window.govkgReport = { ready: false, data: D };

  // ---------------------------------------------------------------- indexes
  var children = D.places.map(function () { return []; });
  D.places.forEach(function (p, i) { p.parents.forEach(function (q) { children[q].push(i); }); });
  function within(i) {                       // the place and every place below it
    var out = [i], seen = new Set([i]);
    for (var k = 0; k < out.length; k++) {
      children[out[k]].forEach(function (c) { if (!seen.has(c)) { seen.add(c); out.push(c); } });
    }
    return out;
  }
  var reportsAt = D.places.map(function () { return []; });
  D.reports.forEach(function (r) { reportsAt[r.place].push(r); });
  var statsAt = D.places.map(function () { return []; });
  D.statistics.forEach(function (s) { statsAt[s.place].push(s); });
  var reportsOf = { programme: {}, agency: {}, person: {} };
  D.reports.forEach(function (r) { (reportsOf[r.kind][r.item] = reportsOf[r.kind][r.item] || []).push(r); });

  function distinct(reports, kind) {
    var s = new Set();
    reports.forEach(function (r) { if (r.kind === kind) s.add(r.item); });
    return s.size;
  }
  function weight(places) {                  // programmes + agencies reported at these places
    var rs = [];
    places.forEach(function (i) { rs = rs.concat(reportsAt[i]); });
    return distinct(rs, "programme") + distinct(rs, "agency");
  }
  function placesIn(level, code) {
    var out = [];
    D.places.forEach(function (p, i) { if (p[level] === code) out.push(i); });
    return out;
  }

  // ---------------------------------------------------------------- small DOM helpers
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function link(text, onClick) {
    var a = el("a", text, "go");
    a.href = "#";
    a.addEventListener("click", function (ev) { ev.preventDefault(); onClick(); });
    return a;
  }
  function evidence(li, numbers) {
    numbers.forEach(function (n) {
      var e = D.evidence[n];
      if (e.text) li.appendChild(el("blockquote", e.text, "evidence"));
      var src = [e.source, e.title, e.date].filter(Boolean).join(" · ");
      if (src) li.appendChild(el("span", "— " + src, "source"));
    });
  }
  function firstDate(reports) {
    var dates = [];
    reports.forEach(function (r) { dates = dates.concat(r.dates); });
    dates.sort();
    return dates[0] || "";
  }

  // ---------------------------------------------------------------- side panel
  function showReports(title, meta, places) {
    panel.textContent = "";
    panel.appendChild(el("h2", title));
    if (meta) panel.appendChild(el("div", meta, "meta"));
    var reports = [], stats = [];
    places.forEach(function (i) { reports = reports.concat(reportsAt[i]); stats = stats.concat(statsAt[i]); });
    ["programme", "agency", "person"].forEach(function (kind) {
      var rows = reports.filter(function (r) { return r.kind === kind; });
      panel.appendChild(el("h3", KIND_NAMES[kind] + " (" + distinct(rows, kind) + ")"));
      var ul = el("ul");
      rows.forEach(function (r) {
        var li = el("li");
        var item = ITEMS[kind][r.item];
        li.appendChild(kind === "programme" ? link(item.label, function () { chooseProgramme(r.item); })
                                            : el("strong", item.label));
        if (r.role) li.appendChild(el("span", r.role, "where"));
        if (r.via && r.via.length) li.appendChild(el("span", "(" + r.via.map(function (a) { return D.agencies[a].label; }).join("、") + ")", "where"));
        if (places.length > 1) li.appendChild(el("span", "@ " + D.places[r.place].label, "where"));
        evidence(li, r.evidence);
        ul.appendChild(li);
      });
      if (!rows.length) ul.appendChild(el("li", "无 none", "none"));
      panel.appendChild(ul);
    });
    panel.appendChild(el("h3", "统计 Statistics (" + stats.length + ")"));
    var ul = el("ul", null, "statistics");
    stats.forEach(function (s) {
      var li = el("li");
      li.appendChild(el("strong", s.measure + " " + s.value + s.unit));
      li.appendChild(el("span", s.about, "where"));
      evidence(li, s.evidence);
      ul.appendChild(li);
    });
    if (!stats.length) ul.appendChild(el("li", "无 none", "none"));
    panel.appendChild(ul);
    panel.scrollTop = 0;
  }

  var LEVELS = { province: "省级 province", city: "市级 city", county: "县级 county", town: "乡镇 town", village: "村 village" };
  function showPlace(i) {
    var p = D.places[i];
    var meta = [LEVELS[p.level] || p.level, p.adcode];
    if (p.lat !== null) {
      meta.push(p.lat.toFixed(3) + "°N " + p.lon.toFixed(3) + "°E");
      if (p.precision && p.precision !== p.level) meta.push("坐标取自所属" + (LEVELS[p.precision] || p.precision) + " point of its " + p.precision);
    }
    showReports(p.label, meta.filter(Boolean).join(" · "), within(i));
    api.shown = p.label;
  }
  function showRegion(level, code, name) {
    var own = D.places.findIndex(function (p) { return p.adcode === code; });
    if (own >= 0) { showPlace(own); return; }
    showReports(name, (LEVELS[level] || level) + " · " + code, placesIn(level, code));
    api.shown = name;
  }

  // ---------------------------------------------------------------- the map
  function outline(level) {
    var features = D.outlines[level].map(function (o) {
      return { type: "Feature", id: o.code, properties: { name: o.name }, geometry: o.geometry };
    });
    return { type: "FeatureCollection", features: features };
  }
  function regionTrace(level, visible) {
    var rows = D.outlines[level];
    return {
      type: "choropleth", name: level, geojson: outline(level), visible: visible,
      locations: rows.map(function (o) { return o.code; }),
      z: rows.map(function (o) { return weight(placesIn(level, o.code)); }),
      text: rows.map(function (o) { return o.name; }),
      customdata: rows.map(function (o) { return level; }),
      hovertemplate: "%{text}<br>项目+机构 programmes + agencies: %{z}<extra></extra>",
      zmin: 0, colorscale: [[0, "#f4f6f8"], [0.001, "#dbe8f5"], [1, "#08519c"]],
      marker: { line: { color: level === "province" ? "#8a94a3" : "#b7c0cc", width: level === "province" ? 0.8 : 0.4 } },
      showscale: level === "province",
      colorbar: { title: { text: "项目+机构<br>reported", side: "top" }, thickness: 10, len: 0.5, x: 0.99 }
    };
  }
  function placeTrace() {
    var shown = D.places.map(function (p, i) { return i; }).filter(function (i) { return D.places[i].lat !== null; });
    return {
      type: "scattergeo", name: "places", mode: "markers",
      lat: shown.map(function (i) { return D.places[i].lat; }),
      lon: shown.map(function (i) { return D.places[i].lon; }),
      customdata: shown,
      text: shown.map(function (i) { return D.places[i].label; }),
      hovertemplate: "%{text}<extra></extra>",
      marker: {
        size: shown.map(function (i) { return 6 + 2.5 * Math.sqrt(weight([i])); }),
        color: "#f28e2b", opacity: 0.85, line: { color: "#fff", width: 1 }
      }
    };
  }
  function chosenTrace(indices) {
    return {
      type: "scattergeo", name: "chosen", mode: "markers",
      lat: indices.map(function (i) { return D.places[i].lat; }),
      lon: indices.map(function (i) { return D.places[i].lon; }),
      customdata: indices, text: indices.map(function (i) { return D.places[i].label; }),
      hovertemplate: "%{text}<extra></extra>",
      marker: { size: 14, color: "#d62728", symbol: "star", line: { color: "#fff", width: 1 } }
    };
  }
  function dotAt(event) {                    // the place whose drawn dot holds the pointer, nearest first
    var layer = mapDiv.querySelectorAll("g.trace.scattergeo")[TRACE.places];
    if (!layer) return null;
    var ids = mapDiv.data[TRACE.places].customdata, best = null, bestD = Infinity;
    layer.querySelectorAll("path.point").forEach(function (path, k) {
      var r = path.getBoundingClientRect();
      var dx = event.clientX - (r.left + r.width / 2), dy = event.clientY - (r.top + r.height / 2);
      var d = dx * dx + dy * dy;
      if (d <= Math.pow(r.width / 2 + 2, 2) && d < bestD) { best = ids[k]; bestD = d; }
    });
    return best;
  }
  var GEO = {
    projection: { type: "mercator", scale: 1 }, visible: false, showframe: false,
    lonaxis: { range: [73, 136] }, lataxis: { range: [17, 54] }, bgcolor: "rgba(0,0,0,0)"
  };
  var CONFIG = { displaylogo: false, responsive: true, scrollZoom: true,
                 modeBarButtonsToRemove: ["select2d", "lasso2d"] };

  function drawMap() {
    // Points first: plotly.js looks at the first trace to decide whether it needs its
    // world topojson (fetched from a CDN) and a choropleth there would ask for it.
    var traces = [placeTrace(), chosenTrace([]), regionTrace("province", true), regionTrace("city", false)];
    var layout = { geo: GEO, margin: { l: 0, r: 0, t: 0, b: 0 }, showlegend: false, dragmode: "pan",
                   font: { family: getComputedStyle(document.body).fontFamily } };
    return Plotly.newPlot(mapDiv, traces, layout, CONFIG).then(function () {
      mapDiv.on("plotly_click", function (ev) {
        var pt = ev.points[0];
        var dot = ev.event ? dotAt(ev.event) : null;      // Plotly may report the province under a dot
        if (dot !== null) showPlace(dot);
        else if (pt && (pt.data.name === "places" || pt.data.name === "chosen")) showPlace(pt.customdata);
        else if (pt) showRegion(pt.data.name, pt.location, pt.text);
      });
      mapDiv.on("plotly_relayout", function (ev) {
        var scale = ev["geo.projection.scale"];
        if (scale === undefined) return;
        Plotly.restyle(mapDiv, { visible: scale >= CITY_ZOOM }, [TRACE.city]);
      });
    });
  }

  // ---------------------------------------------------------------- programme view
  var select = document.getElementById("programme");
  function programmeOrder() {
    return D.programmes.map(function (p, i) { return i; }).filter(function (i) { return reportsOf.programme[i]; })
      .sort(function (a, b) {
        return placesOf(b).length - placesOf(a).length || (D.programmes[a].label < D.programmes[b].label ? -1 : 1);
      });
  }
  function placesOf(i) {
    var s = new Set();
    (reportsOf.programme[i] || []).forEach(function (r) { s.add(r.place); });
    return Array.from(s);
  }
  function firstReports(i) {                 // place -> its first report date ("" when undated)
    var by = {};
    (reportsOf.programme[i] || []).forEach(function (r) { (by[r.place] = by[r.place] || []).push(r); });
    return Object.keys(by).map(function (p) { return { place: +p, date: firstDate(by[p]), reports: by[p] }; });
  }

  function chooseProgramme(i) {
    select.value = i === null ? "" : String(i);
    var indices = i === null ? [] : placesOf(i).filter(function (p) { return D.places[p].lat !== null; });
    Plotly.restyle(mapDiv, { lat: [indices.map(function (p) { return D.places[p].lat; })],
                             lon: [indices.map(function (p) { return D.places[p].lon; })],
                             customdata: [indices], text: [indices.map(function (p) { return D.places[p].label; })] }, [TRACE.chosen]);
    drawTimeline(i);
    if (i !== null) showProgramme(i);
    api.programme = i;
  }

  function showProgramme(i) {
    var prog = D.programmes[i];
    var rows = firstReports(i);
    panel.textContent = "";
    panel.appendChild(el("h2", prog.label));
    var meta = [rows.length + " 个地点 places", prog.articles + " 篇文章 articles"];
    if (prog.aliases.length) meta.push("又称 " + prog.aliases.join("、"));
    panel.appendChild(el("div", meta.join(" · "), "meta"));
    panel.appendChild(el("h3", "报道地点 Where it is reported"));
    var ul = el("ul");
    rows.sort(function (a, b) { return (a.date || "9") < (b.date || "9") ? -1 : (a.date || "9") > (b.date || "9") ? 1 : 0; });
    rows.forEach(function (row) {
      var li = el("li");
      li.appendChild(link(D.places[row.place].label, function () { showPlace(row.place); }));
      li.appendChild(el("span", row.date ? "首次 first " + row.date : "无日期 undated", "where"));
      row.reports.forEach(function (r) {
        if (r.via.length) li.appendChild(el("span", "(" + r.via.map(function (a) { return D.agencies[a].label; }).join("、") + ")", "where"));
        evidence(li, r.evidence);
      });
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    api.shown = prog.label;
  }

  function drawTimeline(i) {
    var box = document.getElementById("undated");
    box.textContent = "";
    document.getElementById("timeline-name").textContent = i === null ? "" : "· " + D.programmes[i].label;
    var rows = i === null ? [] : firstReports(i);
    var dated = rows.filter(function (r) { return r.date; }).sort(function (a, b) {
      return a.date < b.date ? -1 : a.date > b.date ? 1 : D.places[a.place].label < D.places[b.place].label ? -1 : 1;
    });
    var undated = rows.filter(function (r) { return !r.date; });
    var trace = {
      type: "scatter", mode: "markers+text", x: dated.map(function (r) { return r.date; }),
      y: dated.map(function (r) { return D.places[r.place].label; }),
      text: dated.map(function (r) { return r.date; }), textposition: "middle right",
      customdata: dated.map(function (r) { return r.place; }),
      hovertemplate: "%{y}: %{x}<extra></extra>", marker: { size: 11, color: "#4e79a7" }
    };
    var note = i === null ? "选择一个项目 Choose a programme above the map" :
      dated.length ? "" : "没有带日期的报道 No dated reports for this programme";
    Plotly.react("timeline", [trace], {
      margin: { l: 120, r: 30, t: 10, b: 40 },
      xaxis: { type: "date", title: { text: "首次报道 first report" }, visible: dated.length > 0 },
      yaxis: { automargin: true, visible: dated.length > 0, categoryorder: "array", categoryarray: dated.map(function (r) { return D.places[r.place].label; }).reverse() },
      annotations: note ? [{ text: note, showarrow: false, xref: "paper", yref: "paper", x: 0.5, y: 0.5 }] : [],
      font: { family: getComputedStyle(document.body).fontFamily }
    }, CONFIG);
    if (undated.length) {
      box.appendChild(el("strong", "无日期的报道（未列入时间线）Undated reports, not on the timeline:"));
      var ul = el("ul");
      undated.forEach(function (r) {
        var li = el("li");
        li.appendChild(link(D.places[r.place].label, function () { showPlace(r.place); }));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    api.timeline = { dated: dated.map(function (r) { return [D.places[r.place].label, r.date]; }),
                     undated: undated.map(function (r) { return D.places[r.place].label; }) };
  }

  // ---------------------------------------------------------------- tables
  function tableRows(kind) {
    return ITEMS[kind].map(function (item, i) {
      var reports = reportsOf[kind][i] || [];
      var places = new Set(reports.map(function (r) { return r.place; }));
      var roles = new Set(reports.map(function (r) { return r.role; }).filter(Boolean));
      return { i: i, label: item.label, places: places.size, articles: item.articles || 0,
               first: firstDate(reports), roles: Array.from(roles).join("、"), reports: reports };
    }).filter(function (row) { return kind !== "person" || row.reports.length; });
  }
  var COLUMNS = {
    programme: [["label", "名称 Name"], ["places", "地点 Places"], ["articles", "文章 Articles"], ["first", "首次 First"]],
    agency: [["label", "名称 Name"], ["places", "地点 Places"], ["articles", "文章 Articles"], ["first", "首次 First"]],
    person: [["label", "姓名 Name"], ["roles", "职务 Post"], ["articles", "文章 Articles"], ["first", "首次 First"]]
  };
  function sortable(kind) {
    var table = document.getElementById("table-" + kind);
    var rows = tableRows(kind);
    var state = { key: "articles", dir: -1 };
    var thead = el("thead"), tr = el("tr"), tbody = el("tbody");
    COLUMNS[kind].forEach(function (col) {
      var th = el("th", col[1]);
      th.dataset.key = col[0];
      th.addEventListener("click", function () {
        state.dir = state.key === col[0] ? -state.dir : (col[0] === "label" || col[0] === "roles" ? 1 : -1);
        state.key = col[0];
        render();
      });
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    table.appendChild(tbody);
    function render() {
      rows.sort(function (a, b) {
        var x = a[state.key], y = b[state.key];
        return (x < y ? -1 : x > y ? 1 : 0) * state.dir || (a.label < b.label ? -1 : 1);
      });
      thead.querySelectorAll("th").forEach(function (th) {
        th.setAttribute("aria-sort", th.dataset.key === state.key ? (state.dir > 0 ? "ascending" : "descending") : "none");
      });
      tbody.textContent = "";
      rows.forEach(function (row) {
        var r = el("tr");
        COLUMNS[kind].forEach(function (col) {
          var v = row[col[0]];
          r.appendChild(el("td", String(v), typeof v === "number" ? "num" : ""));
        });
        r.addEventListener("click", function () { showItem(kind, row); });
        tbody.appendChild(r);
      });
    }
    render();
  }
  function showItem(kind, row) {
    if (kind === "programme") { chooseProgramme(row.i); return; }
    panel.textContent = "";
    panel.appendChild(el("h2", row.label));
    panel.appendChild(el("div", [row.roles, row.places + " 个地点 places", row.articles + " 篇文章 articles"].filter(Boolean).join(" · "), "meta"));
    panel.appendChild(el("h3", "证据 Evidence"));
    var ul = el("ul");
    row.reports.forEach(function (r) {
      var li = el("li");
      li.appendChild(link(D.places[r.place].label, function () { showPlace(r.place); }));
      if (r.role) li.appendChild(el("span", r.role, "where"));
      evidence(li, r.evidence);
      ul.appendChild(li);
    });
    if (!row.reports.length) ul.appendChild(el("li", "没有报道地点 not reported at a place", "none"));
    panel.appendChild(ul);
    api.shown = row.label;
  }

  function drawChart() {
    var top = programmeOrder().slice(0, 15).reverse();
    return Plotly.newPlot("chart", [{
      type: "bar", orientation: "h", x: top.map(function (i) { return placesOf(i).length; }),
      y: top.map(function (i) { return D.programmes[i].label; }), customdata: top,
      marker: { color: "#59a14f" }, hovertemplate: "%{y}: %{x} 个地点 places<extra></extra>"
    }], { margin: { l: 10, r: 10, t: 10, b: 30 }, yaxis: { automargin: true }, xaxis: { title: { text: "地点 places" }, dtick: 1 },
          font: { family: getComputedStyle(document.body).fontFamily } }, CONFIG).then(function (div) {
      div.on("plotly_click", function (ev) { if (ev.points[0]) chooseProgramme(ev.points[0].customdata); });
    });
  }

  // ---------------------------------------------------------------- start
  programmeOrder().forEach(function (i) {
    var o = el("option", D.programmes[i].label + " (" + placesOf(i).length + ")");
    o.value = String(i);
    select.appendChild(o);
  });
  select.addEventListener("change", function () { chooseProgramme(select.value === "" ? null : +select.value); });
  document.getElementById("reset").addEventListener("click", function () {
    chooseProgramme(null);
    Plotly.relayout(mapDiv, { "geo.projection.scale": 1, "geo.center": { lon: 104.5, lat: 35.5 } });
    panel.textContent = "";
    panel.appendChild(el("p", "点击地图上的地点 Click a place on the map.", "none"));
  });
  var dated = D.evidence.filter(function (e) { return e.date; }).length;
  document.getElementById("summary").textContent = [
    D.places.length + " 个地点 places", D.programmes.length + " 个项目 programmes",
    D.agencies.length + " 个机构 agencies", new Set(reportsOfKind("person")).size + " 位官员 officials",
    D.statistics.length + " 条统计 statistics",
    dated + " / " + D.evidence.length + " 条证据有日期 evidence sentences dated"].join(" · ");
  document.getElementById("legend-note").textContent = "颜色：该地报道的项目与机构数 colour: programmes + agencies reported there · 橙点 orange dots: places";
  function reportsOfKind(kind) { return Object.keys(reportsOf[kind]); }
  ["programme", "agency", "person"].forEach(sortable);
  Promise.all([drawMap(), drawChart()]).then(function () {
    var order = programmeOrder();
    chooseProgramme(order.length ? order[0] : null);     // open on the most widely reported one
    api.ready = true;
  });
  api.showPlace = showPlace;
  api.chooseProgramme = chooseProgramme;
})();
