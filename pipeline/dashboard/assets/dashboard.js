// The dashboard's script: it selects published cells by the filters and formats them.
// It computes no figure: every number shown is a cell's value, formatted as pipeline/formatting.py does.
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("dashboard-data").textContent);
  const T = D.texts;
  const LANG = D.lang;
  const CELLS = D.cells.map(function (row, index) {
    const cell = { index: index };
    D.columns.forEach(function (column, i) { cell[column] = row[i]; });
    return cell;
  });

  function tx(key, fields) {
    return T[key].replace(/\{(\w+)\}/g, function (match, name) {
      return fields && name in fields ? String(fields[name]) : match;
    });
  }

  // --- number formats (the same rules as pipeline/formatting.py)
  const MISSING = "\u2013";
  const MINUS = "\u2212";
  function fmtNumber(value, decimals) {
    if (value === null || value === undefined || !isFinite(value)) return MISSING;
    const parts = Math.abs(value).toFixed(decimals).split(".");
    const grouped = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, LANG === "da" ? "." : ",");
    let text = parts.length > 1 ? grouped + (LANG === "da" ? "," : ".") + parts[1] : grouped;
    if (value < 0 && /[1-9]/.test(text)) text = MINUS + text;
    return text;
  }
  function fmtPct(share, decimals) {
    if (share === null || share === undefined) return MISSING;
    const text = fmtNumber(share * 100, decimals);
    return LANG === "da" ? text + " %" : text + "%";
  }
  function fmtDkk(value) {
    if (value === null || value === undefined) return MISSING;
    const text = fmtNumber(value, 0);
    return LANG === "da" ? text + " kr." : "DKK " + text;
  }
  // A cell as the page shows it: a hidden count as "<min_cell", any other hidden figure as a dash.
  function fmtCell(cell) {
    if (!cell) return MISSING;
    if (cell.hidden) return cell.unit === "count" ? "<" + D.min_cell : MISSING;
    switch (cell.unit) {
      case "count": return fmtNumber(cell.value, 0);
      case "share": case "rate": return fmtPct(cell.value, Math.max(0, cell.decimals - 2));
      case "dkk": return fmtDkk(cell.value);
      default: return fmtNumber(cell.value, cell.decimals);
    }
  }
  function fmtDate(iso) {
    const [y, m, d] = iso.split("-");
    return LANG === "da" ? d + "-" + m + "-" + y : iso;
  }

  // --- filters
  const byId = function (id) { return document.getElementById(id); };
  const selPartnership = byId("f-partnership");
  const selCohort = byId("f-cohort");
  const selExport = byId("f-export");
  function distinct(values) { return Array.from(new Set(values.filter(function (v) { return v !== null; }))); }
  const partnerships = Object.keys(D.labels.partnership);
  const cohorts = ["ALL"].concat(distinct(CELLS.map(function (c) { return c.cohort; }))
    .filter(function (c) { return c !== "ALL"; }).sort());
  const exports = distinct(CELLS.map(function (c) { return c.export_date; })).sort().reverse();
  const LATEST = exports[0];
  function fill(select, values, label) {
    values.forEach(function (value) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = label(value);
      select.appendChild(option);
    });
  }
  fill(selPartnership, partnerships, function (p) { return D.labels.partnership[p]; });
  fill(selCohort, cohorts, function (c) { return c === "ALL" ? T["dash.all_cohorts"] : c; });
  fill(selExport, exports, fmtDate);
  const hash = new URLSearchParams(location.hash.slice(1));
  [["p", selPartnership], ["c", selCohort], ["e", selExport]].forEach(function (pair) {
    const value = hash.get(pair[0]);
    if (value && Array.from(pair[1].options).some(function (o) { return o.value === value; })) pair[1].value = value;
  });

  function categoryLabel(code) { return D.labels.category[code] || code; }
  function pick(where) { return CELLS.filter(where); }
  function find(list, where) { return list.find(where) || null; }

  // --- the sections: which cells each shows, its table's rows and its chart
  function sections(f) {
    const P = function (c) { return c.partnership_id === f.p; };
    const E = function (c) { return c.export_date === f.e; };
    const inQ = function (qs) { return function (c) { return qs.indexOf(c.quantity) >= 0; }; };
    const outcome = inQ(["outcome_12m_count", "outcome_12m_share"]);
    const pair = function (list, row) {
      const count = find(list, function (c) { return c.unit === "count" && row(c); });
      const share = find(list, function (c) { return c.unit === "share" && row(c); });
      return [count, share];
    };
    const byCategory = function (list, codes, label) {
      return codes.map(function (code) {
        const cs = pair(list, function (c) { return c.category === code; });
        return { key: code, head: label(code), cells: cs, n: cs[1] ? cs[1].denominator_n : null };
      }).filter(function (r) { return r.cells[0] || r.cells[1]; });
    };
    const list = [];

    const headline = pick(function (c) {
      return outcome(c) && P(c) && E(c) && c.cohort === f.c && D.category_order.concat(["total"]).indexOf(c.category) >= 0;
    });
    list.push({ id: "headline", cells: headline, colour: "category", columns: ["dash.col_category", "dash.col_count", "dash.col_share"],
      rows: byCategory(headline, D.category_order.concat(["total"]), categoryLabel), chart: "bars" });

    const jobs = pick(function (c) { return outcome(c) && P(c) && E(c) && c.cohort === f.c && D.job_types.indexOf(c.category) >= 0; });
    list.push({ id: "job_types", cells: jobs, colour: "series", columns: ["dash.col_job_type", "dash.col_count", "dash.col_share"],
      rows: byCategory(jobs, D.job_types, categoryLabel), chart: "bars", heading: "dash.h_job_types" });

    const rate = pick(function (c) { return c.quantity.indexOf("employment_rate") === 0 && P(c) && E(c); });
    const rateQ = ["employment_rate_observable", "employment_rate_job", "employment_rate", "employment_rate_ci_low",
      "employment_rate_ci_high"];
    list.push({ id: "rate", cells: rate, columns: ["dash.col_cohort", "dash.col_observable", "dash.col_job", "dash.col_rate",
      "dash.col_ci_low", "dash.col_ci_high"], chart: "interval",
      rows: cohorts.map(function (cohort) {
        const cs = rateQ.map(function (q) { return find(rate, function (c) { return c.quantity === q && c.cohort === cohort; }); });
        return { key: cohort, head: cohort === "ALL" ? T["dash.all_cohorts"] : cohort, cells: cs, selected: cohort === f.c,
          n: cs[0] && !cs[0].hidden ? cs[0].value : null };
      }).filter(function (r) { return r.cells.some(Boolean); }) });

    const retention = pick(function (c) { return c.quantity.indexOf("retention_") === 0 && P(c) && E(c); });
    const retQ = ["retention_survival", "retention_ci_low", "retention_ci_high", "retention_at_risk"];
    const months = distinct(retention.map(function (c) { return c.month; })).sort(function (a, b) { return a - b; });
    list.push({ id: "retention", cells: retention, byCohort: false, chart: "band",
      columns: ["dash.col_month", "dash.col_survival", "dash.col_ci_low", "dash.col_ci_high", "dash.col_at_risk"],
      rows: months.map(function (m) {
        const cs = retQ.map(function (q) { return find(retention, function (c) { return c.quantity === q && c.month === m; }); });
        return { key: m, head: String(m), cells: cs, n: cs[3] && !cs[3].hidden ? cs[3].value : null };
      }) });

    const profile = pick(function (c) { return c.quantity.indexOf("status_profile_") === 0 && P(c) && E(c); });
    const pMonths = distinct(profile.map(function (c) { return c.month; })).sort(function (a, b) { return a - b; });
    const pRows = [];
    pMonths.forEach(function (m) {
      D.category_order.concat(["total"]).forEach(function (code) {
        const cs = pair(profile, function (c) { return c.month === m && c.category === code; });
        if (cs[0] || cs[1]) pRows.push({ key: m + "/" + code, head: tx("dash.month_n", { m: m }), sub: categoryLabel(code),
          x: m, category: code, cells: cs, n: cs[1] ? cs[1].denominator_n : null });
      });
    });
    list.push({ id: "profile", cells: profile, byCohort: false, chart: "stack", rows: pRows,
      columns: ["dash.col_month", "dash.col_category", "dash.col_count", "dash.col_share"] });

    const funnel = pick(function (c) { return c.quantity.indexOf("funnel_") === 0 && P(c) && E(c); });
    list.push({ id: "funnel", cells: funnel, byCohort: false, chart: "funnel",
      columns: ["dash.col_phase", "dash.col_count", "dash.col_share", "dash.col_median_days"],
      rows: D.phases.concat(["total"]).map(function (code) {
        const cs = ["funnel_count", "funnel_share", "funnel_median_days"].map(function (q) {
          return find(funnel, function (c) { return c.quantity === q && c.category === code; });
        });
        return { key: code, head: categoryLabel(code), cells: cs, n: cs[1] ? cs[1].denominator_n : null };
      }).filter(function (r) { return r.cells.some(Boolean); }) });

    const trend = pick(function (c) { return c.quantity.indexOf("trend_") === 0 && P(c) && c.export_date <= f.e; });
    const tRows = [];
    distinct(trend.map(function (c) { return c.export_date; })).sort().forEach(function (e) {
      D.category_order.concat(["total"]).forEach(function (code) {
        const cs = pair(trend, function (c) { return c.export_date === e && c.category === code; });
        if (cs[0] || cs[1]) tRows.push({ key: e + "/" + code, head: fmtDate(e), sub: categoryLabel(code), x: fmtDate(e),
          category: code, cells: cs, n: cs[1] ? cs[1].denominator_n : null, selected: e === f.e });
      });
    });
    list.push({ id: "trend", cells: trend, byCohort: false, chart: "trend", rows: tRows,
      columns: ["dash.col_export", "dash.col_category", "dash.col_count", "dash.col_share"] });

    const youths = find(CELLS, function (c) { return c.quantity === "savings_youths" && P(c) && E(c); });
    const perYouth = f.e === LATEST ? pick(function (c) {
      return (c.quantity === "net_municipal_per_youth_dkk" || c.quantity === "net_total_per_youth_dkk") && P(c);
    }) : [];
    const years = distinct(perYouth.map(function (c) { return c.year; })).sort(function (a, b) { return a - b; });
    list.push({ id: "savings", cells: (youths ? [youths] : []).concat(perYouth), byCohort: false, chart: "savings",
      youths: youths, columns: ["dash.col_year", "dash.col_net_municipal", "dash.col_net_total"],
      rows: years.map(function (y) {
        const cs = ["net_municipal_per_youth_dkk", "net_total_per_youth_dkk"].map(function (q) {
          return find(perYouth, function (c) { return c.quantity === q && c.year === y; });
        });
        return { key: y, head: String(y), cells: cs, n: youths && !youths.hidden ? youths.value : null };
      }), staleExport: f.e !== LATEST && youths === null });
    return list;
  }

  // --- tables, captions, CSV
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function table(section, title) {
    const t = el("table", { "data-section": section.id });
    t.appendChild(el("caption", {}, title));
    const head = el("tr");
    section.columns.forEach(function (key, i) { head.appendChild(el("th", { scope: "col", class: i ? "num" : "" }, T[key])); });
    if (section.rows.length && section.rows[0].sub !== undefined) head.children[1].className = "";
    t.appendChild(el("thead")).appendChild(head);
    const body = t.appendChild(el("tbody"));
    section.rows.forEach(function (row) {
      const tr = body.appendChild(el("tr", row.selected ? { class: "selected" } : {}));
      tr.appendChild(el("th", { scope: "row" }, row.head));
      if (row.sub !== undefined) tr.appendChild(el("td", {}, row.sub));
      row.cells.forEach(function (cell) {
        const attrs = { class: "num" };
        if (cell) attrs["data-cell"] = String(cell.index);
        tr.appendChild(el("td", attrs, cell ? fmtCell(cell) : ""));
      });
    });
    return t;
  }
  function csvField(value) {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csvOf(cells) {
    const lines = [D.columns.join(",")];
    cells.forEach(function (cell) { lines.push(D.columns.map(function (c) { return csvField(cell[c]); }).join(",")); });
    return lines.join("\r\n") + "\r\n";
  }
  // The caption names every row's figures; the retention curve only at the months whose youths at risk
  // are published (the table below has every month).
  function figures(section) {
    const rows = section.id === "retention" ? section.rows.filter(function (r) { return r.cells[3]; }) : section.rows;
    return rows.map(function (row) {
      const shown = row.cells.filter(Boolean).map(fmtCell).join(" / ");
      return (row.sub !== undefined ? row.head + ", " + row.sub : row.head) + ": " + shown;
    }).join("; ");
  }

  // --- charts (Vega-Lite through vega-embed; the data are the formatted rows)
  const COLOURS = D.colours;
  function point(row, cell, extra) {
    return Object.assign({ label: row.sub !== undefined ? row.sub : row.head, x: row.x !== undefined ? row.x : row.head,
      value: cell && !cell.hidden ? cell.value : null, text: fmtCell(cell),
      n: row.n === null || row.n === undefined ? MISSING : fmtNumber(row.n, 0), category: row.category || row.key }, extra || {});
  }
  const tooltip = function (title) {
    return [{ field: "label", title: " " }, { field: "text", title: title }, { field: "n", title: "n" }];
  };
  const shareAxis = { format: ".0%", title: null };
  function spec(section) {
    const base = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", width: "container", height: 220,
      config: { font: "DejaVu Sans, Arial, sans-serif", view: { stroke: null } } };
    const rows = section.rows;
    const colourOf = function (code, i) { return COLOURS.category[code] || COLOURS.series[i % COLOURS.series.length]; };
    if (section.chart === "bars") {
      const data = rows.filter(function (r) { return r.key !== "total"; })
        .map(function (r, i) { return point(r, r.cells[1], { colour: colourOf(r.key, i), count: fmtCell(r.cells[0]) }); });
      return Object.assign(base, { height: 28 * data.length + 20, data: { values: data }, mark: "bar",
        encoding: { y: { field: "label", type: "nominal", sort: null, title: null,
          scale: { domain: data.map(function (d) { return d.label; }) } },
          x: { field: "value", type: "quantitative", axis: shareAxis, scale: { domain: [0, 1] } },
          color: { field: "colour", type: "nominal", scale: null },
          tooltip: [{ field: "label", title: " " }, { field: "text", title: T["dash.col_share"] },
            { field: "count", title: T["dash.col_count"] }, { field: "n", title: "n" }] } });
    }
    if (section.chart === "interval") {
      const data = rows.map(function (r) {
        return point(r, r.cells[2], { low: r.cells[3] && !r.cells[3].hidden ? r.cells[3].value : null,
          high: r.cells[4] && !r.cells[4].hidden ? r.cells[4].value : null,
          interval: fmtCell(r.cells[3]) + " \u2013 " + fmtCell(r.cells[4]) });
      });
      const tip = [{ field: "label", title: " " }, { field: "text", title: T["dash.col_rate"] },
        { field: "interval", title: "95 %" }, { field: "n", title: "n" }];
      return Object.assign(base, { data: { values: data }, encoding: { x: { field: "x", type: "nominal", sort: null, title: null, axis: { labelAngle: 0 } } },
        layer: [
          { mark: { type: "rule", strokeWidth: 2, color: COLOURS.category.job },
            encoding: { y: { field: "low", type: "quantitative", axis: shareAxis, scale: { domain: [0, 1] } }, y2: { field: "high" }, tooltip: tip } },
          { mark: { type: "point", filled: true, size: 90, color: COLOURS.category.job },
            encoding: { y: { field: "value", type: "quantitative" }, tooltip: tip } }] });
    }
    if (section.chart === "band") {
      const data = rows.map(function (r) {
        return point(r, r.cells[0], { x: r.key, low: r.cells[1] && !r.cells[1].hidden ? r.cells[1].value : null,
          high: r.cells[2] && !r.cells[2].hidden ? r.cells[2].value : null,
          interval: fmtCell(r.cells[1]) + " \u2013 " + fmtCell(r.cells[2]), label: tx("dash.month_n", { m: r.key }) });
      });
      const tip = [{ field: "label", title: " " }, { field: "text", title: T["dash.col_survival"] },
        { field: "interval", title: "95 %" }, { field: "n", title: T["dash.col_at_risk"] }];
      return Object.assign(base, { data: { values: data },
        encoding: { x: { field: "x", type: "quantitative", title: T["dash.col_month"] } },
        layer: [
          { mark: { type: "area", opacity: 0.3, color: COLOURS.category.education },
            encoding: { y: { field: "low", type: "quantitative", axis: shareAxis, scale: { domain: [0, 1] } }, y2: { field: "high" } } },
          { mark: { type: "line", point: true, color: COLOURS.category.education },
            encoding: { y: { field: "value", type: "quantitative" }, tooltip: tip } }] });
    }
    if (section.chart === "stack" || section.chart === "trend") {
      const data = rows.filter(function (r) { return r.category !== "total"; })
        .map(function (r) { return point(r, r.cells[1], { count: fmtCell(r.cells[0]), when: r.head }); });
      const codes = D.category_order;
      const colour = { field: "label", type: "nominal", title: null, sort: codes.map(categoryLabel),
        scale: { domain: codes.map(categoryLabel), range: codes.map(function (c) { return COLOURS.category[c]; }) } };
      const tip = [{ field: "when", title: " " }, { field: "label", title: T["dash.col_category"] },
        { field: "text", title: T["dash.col_share"] }, { field: "count", title: T["dash.col_count"] }, { field: "n", title: "n" }];
      const x = { field: "x", type: "ordinal", sort: null, title: section.chart === "stack" ? T["dash.col_month"] : T["dash.col_export"], axis: { labelAngle: 0 } };
      if (section.chart === "stack") {
        return Object.assign(base, { data: { values: data }, mark: "bar", encoding: { x: x,
          y: { field: "value", type: "quantitative", stack: "zero", axis: shareAxis }, color: colour, order: { field: "order" }, tooltip: tip } });
      }
      return Object.assign(base, { data: { values: data }, mark: { type: "line", point: true }, encoding: { x: x,
        y: { field: "value", type: "quantitative", axis: shareAxis, scale: { domain: [0, 1] } }, color: colour, tooltip: tip } });
    }
    if (section.chart === "funnel") {
      const data = rows.filter(function (r) { return r.key !== "total"; })
        .map(function (r) { return point(r, r.cells[0], { share: fmtCell(r.cells[1]), days: fmtCell(r.cells[2]) }); });
      return Object.assign(base, { data: { values: data }, mark: { type: "bar", color: COLOURS.category.education },
        encoding: { x: { field: "label", type: "nominal", sort: null, title: null, axis: { labelAngle: 0 },
          scale: { domain: data.map(function (d) { return d.label; }) } },
          y: { field: "value", type: "quantitative", title: T["dash.col_count"] },
          tooltip: [{ field: "label", title: " " }, { field: "text", title: T["dash.col_count"] },
            { field: "share", title: T["dash.col_share"] }, { field: "days", title: T["dash.col_median_days"] },
            { field: "n", title: "n" }] } });
    }
    // savings: one line per series
    const data = [];
    rows.forEach(function (r) {
      [0, 1].forEach(function (i) {
        data.push(point(r, r.cells[i], { x: r.key, series: T[section.columns[i + 1]], label: tx("dash.year_n", { y: r.key }) }));
      });
    });
    return Object.assign(base, { data: { values: data }, mark: { type: "line", point: true },
      encoding: { x: { field: "x", type: "ordinal", title: T["dash.col_year"], axis: { labelAngle: 0 } },
        y: { field: "value", type: "quantitative", title: LANG === "da" ? "kr." : "DKK", axis: { format: ",.0f" } },
        color: { field: "series", type: "nominal", title: null,
          scale: { range: [COLOURS.category.in_programme, COLOURS.category.education] } },
        tooltip: [{ field: "label", title: " " }, { field: "series", title: " " }, { field: "text", title: "kr." },
          { field: "n", title: T["dash.col_youths"] }] } });
  }

  const LOCALE = LANG === "da"
    ? { decimal: ",", thousands: ".", grouping: [3], currency: ["", " kr."], percent: "\u00a0%", minus: MINUS }
    : { decimal: ".", thousands: ",", grouping: [3], currency: ["DKK ", ""], minus: MINUS };

  // --- rendering
  let views = [];
  function render() {
    document.body.dataset.ready = "false";
    views.forEach(function (v) { v.finalize(); });
    views = [];
    const f = { p: selPartnership.value, c: selCohort.value, e: selExport.value };
    const state = "p=" + encodeURIComponent(f.p) + "&c=" + encodeURIComponent(f.c) + "&e=" + encodeURIComponent(f.e);
    history.replaceState(null, "", "#" + state);
    byId("lang-switch").setAttribute("href", byId("lang-switch").dataset.base + "#" + state);
    const choice = [D.labels.partnership[f.p], f.c === "ALL" ? T["dash.all_cohorts"] : f.c, fmtDate(f.e)].join(", ");
    const pending = [];
    sections(f).forEach(function (section) {
      const root = byId("s-" + section.id);
      const body = root.querySelector(".body");
      body.textContent = "";
      const heading = T[section.heading || "dash.h_" + section.id];
      if (section.id === "savings") {
        const intro = root.querySelector(".intro");
        intro.textContent = tx("dash.i_savings", { n: section.youths ? fmtCell(section.youths) : MISSING });
        if (section.youths) intro.setAttribute("data-cell", String(section.youths.index));
        else intro.removeAttribute("data-cell");
      }
      if (section.byCohort === false && f.c !== "ALL") body.appendChild(el("p", { class: "note" }, T["dash.not_by_cohort"]));
      if (!section.rows.length) {
        const text = section.id === "savings" && f.e !== LATEST
          ? tx("dash.not_by_export", { date: fmtDate(LATEST) })
          : tx("dash.no_table", { section: heading, choice: choice });
        body.appendChild(el("p", { class: "message", role: "status" }, text));
        return;
      }
      const grid = body.appendChild(el("div", { class: "grid" }));
      const figure = grid.appendChild(el("figure"));
      const caption = tx("dash.cap_" + section.id, { figures: figures(section) });
      // vega-embed labels its own element generically; the frame around it carries the caption.
      const frame = figure.appendChild(el("div", { class: "chart-frame", role: "img", "aria-label": caption }));
      const chart = frame.appendChild(el("div", { class: "chart" }));
      figure.appendChild(el("figcaption", {}, caption));
      const side = grid.appendChild(el("div"));
      const wrap = side.appendChild(el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": heading }));
      wrap.appendChild(table(section, heading + " \u2013 " + choice));
      const name = [section.id, f.p, f.c, f.e].join("_").replace(/[^A-Za-z0-9_-]+/g, "-") + ".csv";
      side.appendChild(el("a", { class: "download", download: name, "data-section": section.id,
        href: "data:text/csv;charset=utf-8," + encodeURIComponent("\ufeff" + csvOf(section.cells)) }, T["dash.download"]));
      pending.push(vegaEmbed(chart, Object.assign(spec(section), { description: caption }), { actions: false, renderer: "svg", formatLocale: LOCALE })
        .then(function (result) { views.push(result); }));
    });
    return Promise.all(pending).then(function () { document.body.dataset.ready = "true"; });
  }
  [selPartnership, selCohort, selExport].forEach(function (s) { s.addEventListener("change", render); });
  render();
})();
