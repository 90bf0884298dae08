/* Buurtanalyse: the page controller. The form, storage, save/open, print and the advice on screen.
 *
 * The advice itself comes from bv.advice (bv-advice.js: pure functions over bv.data.advice, the
 * compiled advice table); this file only reads the form, keeps the answers in this browser and
 * shows what the evaluator returns. Nothing is sent anywhere.
 */
var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = (typeof globalThis !== "undefined" ? globalThis : window).bv || {};

(function () {
  "use strict";

  var PAUSE = 400; // ms after the last keystroke before text answers update the advice

  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function list(tag, items) {
    return items.length ? "<" + tag + ">" + items.map(function (item) { return "<li>" + item + "</li>"; }).join("") + "</" + tag + ">" : "";
  }

  function Page(root, table, info) {
    this.root = root;
    this.table = table;
    this.info = info || {};
    this.base = root.getAttribute("data-bv-root") || "";
    this.key = root.getAttribute("data-bv-storage") || "buurtverbinding-analyse";
    this.form = root.querySelector("form.bv-an-form");
    this.advice = root.querySelector("[data-bv-advice]");
    this.message = root.querySelector("[data-bv-message]");
    this.headlineNode = root.querySelector("[data-bv-summary]");
    this.answers = {};
    this.meta = {};
    this.timer = null;
    this.result = null;
  }

  Page.prototype.start = function () {
    var self = this;
    this.restore();
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function (event) { self.changed(event.target, false); });
    this.form.addEventListener("input", function (event) {
      var target = event.target;
      if (target.tagName === "TEXTAREA" || target.type === "text" || target.type === "date") self.changed(target, true);
    });
    this.root.querySelectorAll("[data-bv-action]").forEach(function (button) {
      button.addEventListener("click", function () { self[button.getAttribute("data-bv-action")](); });
    });
    var file = this.root.querySelector("[data-bv-file]");
    file.addEventListener("change", function () {
      if (file.files && file.files[0]) self.read(file.files[0]);
      file.value = "";
    });
    window.addEventListener("beforeprint", function () { self.preparePrint(); });
    this.update();
  };

  Page.prototype.changed = function (control, typing) {
    var meta = control.getAttribute("data-meta");
    if (meta) {
      if (control.value.trim()) this.meta[meta] = control.value; else delete this.meta[meta];
    } else {
      var box = control.closest("[data-item]");
      if (!box) return;
      var id = box.getAttribute("data-item"), kind = box.getAttribute("data-kind"), value = null;
      if (kind === "text") {
        value = control.value.trim() || null;
      } else if (kind === "multiple_choice") {
        var before = this.answers[id] || [];
        var checked = Array.prototype.map.call(box.querySelectorAll("input:checked"), function (i) { return i.value; });
        var kept = before.filter(function (v) { return checked.indexOf(v) >= 0; });
        value = kept.concat(checked.filter(function (v) { return kept.indexOf(v) < 0; }));
        if (!value.length) value = null;
      } else {
        var picked = box.querySelector("input:checked");
        value = picked && picked.value !== "" ? (kind === "scale" ? parseInt(picked.value, 10) : picked.value) : null;
      }
      if (value === null) delete this.answers[id]; else this.answers[id] = value;
    }
    this.store();
    var self = this;
    window.clearTimeout(this.timer);
    if (typing) this.timer = window.setTimeout(function () { self.update(); }, PAUSE);
    else this.update();
  };

  Page.prototype.document = function () {
    var answers = {}, given = this.answers;
    this.table.items.forEach(function (item) { if (Object.prototype.hasOwnProperty.call(given, item.id)) answers[item.id] = given[item.id]; });
    var meeting = {}, meta = this.meta;
    ["datum", "buurt", "aanwezigen"].forEach(function (key) { if (meta[key]) meeting[key] = meta[key]; });
    return { format: bv.advice.DOCUMENT_FORMAT, version: bv.advice.DOCUMENT_VERSION, meeting: meeting, answers: answers };
  };

  Page.prototype.exampleLink = function (id, title) {
    var url = this.info.urls && this.info.urls[id];
    return url ? '<a href="' + esc(this.base + url) + '">' + esc(title) + "</a>" : esc(title);
  };

  Page.prototype.render = function (result) {
    var self = this, texts = this.table.texts, out = [];
    function section(heading, body) { if (body) out.push("<h3>" + esc(heading) + "</h3>\n" + body); }
    out.push('<p class="bv-an-summary"><strong>' + esc(texts.report_summary) + ".</strong> " + esc(result.summary) + "</p>");
    if (result.note) out.push('<p class="bv-an-note">' + esc(result.note) + "</p>");
    section(texts.report_first, list("ul", result.first.map(function (f) {
      return "<strong>" + esc(f.title) + "</strong>. " + esc(f.text) + ' <span class="bv-an-why">' + esc(f.reason) + "</span>";
    })));
    section(texts.report_plan, list("ol", result.directions.map(function (d) {
      return "<strong>" + esc(d.title) + "</strong>. " + esc(d.reason);
    })) || "<p>" + esc(texts.report_none) + "</p>");
    section(texts.report_later, list("ul", result.later.map(function (d) { return "<strong>" + esc(d.title) + "</strong>. " + esc(d.reason); })));
    section(texts.report_declined, list("ul", result.declined.map(function (d) { return "<strong>" + esc(d.title) + "</strong>. " + esc(d.reason); })));
    var examples = list("ul", result.examples.map(function (e) {
      return "<strong>" + self.exampleLink(e.id, e.title) + "</strong>. " + esc(e.reason) + (e.caveats.length ? ' <span class="bv-an-caveat">' + esc(e.caveats.join(" ")) + "</span>" : "");
    }));
    if (examples && result.caveat) examples += '<p class="bv-an-caveat">' + esc(result.caveat) + "</p>";
    section(texts.report_examples, examples);
    var gaps = result.gaps.items.length ? list("ul", result.gaps.items.map(function (g) {
      var fill = g.examples.map(function (id) {
        var match = self.table.examples.filter(function (e) { return e.id === id; })[0];
        return self.exampleLink(id, match ? match.title : id);
      });
      return esc(g.reason) + (fill.length ? " " + fill.join(", ") : "");
    })) : "<p>" + esc(result.gaps.text) + "</p>";
    section(texts.report_gaps, gaps);
    section(texts.report_running, list("ul", result.running.map(function (r) { return esc(r.text); })));
    var fits = result.directions.concat(result.later, result.declined.filter(function (d) { return d.kind === "direction"; }));
    if (fits.length) {
      out.push('<details class="bv-an-details"><summary>Hoe de richtingen zijn gewogen</summary>' + list("ul", fits.map(function (d) {
        return esc(d.title) + ": " + d.fit;
      })) + "</details>");
    }
    return out.join("\n");
  };

  Page.prototype.update = function () {
    var result = bv.advice.evaluate(this.table, this.document());
    this.result = result;
    this.advice.innerHTML = this.render(result);
    if (this.headlineNode && this.headlineNode.textContent !== result.headline) this.headlineNode.textContent = result.headline;
  };

  Page.prototype.fill = function () {
    var answers = this.answers, meta = this.meta;
    this.form.querySelectorAll("[data-meta]").forEach(function (control) { control.value = meta[control.getAttribute("data-meta")] || ""; });
    this.form.querySelectorAll("[data-item]").forEach(function (box) {
      var id = box.getAttribute("data-item"), kind = box.getAttribute("data-kind"), answer = answers[id];
      if (kind === "text") {
        box.querySelector("textarea").value = answer === undefined ? "" : answer;
        return;
      }
      var wanted = answer === undefined ? [] : (Array.isArray(answer) ? answer : [String(answer)]);
      box.querySelectorAll("input").forEach(function (input) {
        input.checked = input.value === "" ? !wanted.length && kind !== "multiple_choice" : wanted.indexOf(input.value) >= 0;
      });
    });
  };

  Page.prototype.store = function () {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(this.document()));
    } catch (error) { /* storage unavailable: the answers stay on screen only */ }
  };

  Page.prototype.take = function (document) {
    var read = bv.advice.readDocument(this.table, document);
    if (read[2].length) return read[2];
    this.answers = read[0];
    this.meta = read[1];
    return [];
  };

  Page.prototype.restore = function () {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(this.key) || "null"); } catch (error) { saved = null; }
    if (saved && typeof saved === "object") {
      if (saved.format === undefined && saved.answers) saved = { format: bv.advice.DOCUMENT_FORMAT, version: 2, answers: saved.answers, meeting: saved.meta || {} };
      this.take(saved);
    }
    this.fill();
  };

  Page.prototype.say = function (text, error, detail) {
    this.message.innerHTML = esc(text) + (detail ? ' <details><summary>Technische details</summary>' + esc(detail) + "</details>" : "");
    this.message.className = "bv-an-message" + (error ? " bv-an-error" : "");
  };

  Page.prototype.save = function () {
    var text = JSON.stringify(this.document(), null, 2) + "\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var day = this.meta.datum || new Date().toISOString().slice(0, 10);
    link.download = "buurtanalyse-" + day + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    this.say("Opgeslagen als " + link.download + ". Bewaar dit bestand; open het later met Antwoorden openen.");
  };

  /* The description reader (bv-describe.js) fills the step-2 questions that are still empty;
   * each filled question says which words it came from, so the meeting can check it. */
  Page.prototype.describe = function () {
    var reader = bv.describe, table = (bv.data || {}).describe;
    var text = (this.meta.beschrijving || "").trim();
    if (!reader || !table || !text) {
      this.say("Schrijf eerst in een paar zinnen wat er speelt.", true);
      return;
    }
    var found = reader.read(table, text), self = this, filled = [];
    this.form.querySelectorAll(".bv-an-derived").forEach(function (node) { node.remove(); });
    this.table.items.forEach(function (item) {
      var values = found[item.feeds];
      if (!values || Object.prototype.hasOwnProperty.call(self.answers, item.id)) return;
      var ids = Object.keys(values);
      if (!ids.length) return;
      self.answers[item.id] = item.kind === "single_choice" ? ids[0] : ids;
      var words = [];
      ids.forEach(function (id) { values[id].forEach(function (w) { if (words.indexOf(w) < 0) words.push(w); }); });
      var box = self.form.querySelector('[data-item="' + item.id + '"]');
      if (box) {
        var note = document.createElement("p");
        note.className = "bv-an-derived";
        note.textContent = "Afgeleid uit uw beschrijving: \u201c" + words.join("\u201d, \u201c") + "\u201d. Klopt dit?";
        box.appendChild(note);
      }
      filled.push(item.question);
    });
    this.fill();
    this.store();
    this.update();
    this.say(filled.length ? "Uit uw beschrijving zijn " + filled.length + " vragen van stap 2 ingevuld. Controleer ze; ze zijn gemarkeerd." :
      "Uit uw beschrijving kon geen antwoord worden afgeleid, of de vragen waren al ingevuld.");
  };

  Page.prototype.open = function () {
    this.root.querySelector("[data-bv-file]").click();
  };

  Page.prototype.read = function (file) {
    var self = this, reader = new FileReader();
    reader.onload = function () { self.load(String(reader.result), file.name); };
    reader.onerror = function () { self.say("Het bestand " + file.name + " kon niet worden gelezen. Uw antwoorden op het scherm zijn niet veranderd.", true); };
    reader.readAsText(file);
  };

  Page.prototype.load = function (text, name) {
    var raw;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      this.say(this.table.texts.problem_not_answers + " Uw antwoorden op het scherm zijn niet veranderd.", true, name + ": " + error.message);
      return false;
    }
    var problems = bv.advice.readDocument(this.table, raw)[2];
    if (problems.length) {
      this.say("Het bestand " + name + " is niet geopend; uw antwoorden op het scherm zijn niet veranderd.", true, problems.join(" "));
      return false;
    }
    this.take(raw);
    this.fill();
    this.store();
    this.update();
    this.say("De antwoorden uit " + name + " zijn geopend (" + Object.keys(this.answers).length + " antwoorden).");
    return true;
  };

  Page.prototype.clear = function () {
    this.answers = {};
    this.meta = {};
    try { window.localStorage.removeItem(this.key); } catch (error) { /* nothing stored */ }
    this.fill();
    this.update();
    this.say("Alle antwoorden zijn gewist, ook uit de opslag van deze browser.");
  };

  Page.prototype.preparePrint = function () {
    var holder = document.querySelector("body > .bv-an-print");
    if (!holder) {
      holder = document.createElement("div");
      holder.className = "bv-an-print";
      document.body.appendChild(holder);
    }
    var report = bv.advice.evaluate(this.table, this.document()).report;
    var site = this.root.getAttribute("data-bv-site") || window.location.href.split("#")[0];
    var html = ["<h1>" + esc(report.title) + "</h1>", list("ul", report.meeting.map(esc))];
    report.sections.forEach(function (section) {
      html.push("<h2>" + esc(section.heading) + "</h2>");
      html.push(section.lines.length === 1 ? "<p>" + esc(section.lines[0]) + "</p>" : list("ul", section.lines.map(esc)));
    });
    var today = new Date(), months = this.table.texts.months;
    var printed = today.getDate() + " " + months[today.getMonth()] + " " + today.getFullYear();
    html.push('<p class="bv-an-colophon">Afgedrukt op ' + esc(printed) + ". Inhoud: CC BY 4.0; code: MIT. Gemaakt met buurtverbinding " +
      esc(this.info.package || "") + " (catalogus " + esc(this.info.version || "") + ").<br>Site: " + esc(site) + "</p>");
    holder.innerHTML = html.join("\n");
  };

  Page.prototype.print = function () {
    this.preparePrint();
    window.print();
  };

  bv.analysis = { pages: [], Page: Page };

  function boot() {
    var data = bv.data || {};
    if (!data.advice || !bv.advice) return;
    document.querySelectorAll("[data-bv-analysis]").forEach(function (root) {
      var page = new Page(root, data.advice, data.analysis);
      page.start();
      bv.analysis.pages.push(page);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot); else boot();
})();
