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
  var UNDO = 30000; // ms that "Ongedaan maken" stays offered after clearing or replacing the answers
  var META = ["datum", "buurt", "aanwezigen", "beschrijving"];

  function copy(value) { return JSON.parse(JSON.stringify(value)); }

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
    this.dialog = root.querySelector("[data-bv-dialog]");
    this.bar = root.querySelector("[data-bv-bar]");
    this.presenter = root.querySelector("[data-bv-present]");
    this.undoTimer = null;
    this.current = null; // the question that last had the focus (where "Presenteren" starts)
  }

  Page.prototype.start = function () {
    var self = this;
    this.restore();
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    // on the root, not the form: in the presentation view a question stands in the dialog
    function answering(target) { return target.closest && target.closest("[data-item], [data-meta]"); }
    this.root.addEventListener("change", function (event) { if (answering(event.target)) self.changed(event.target, false); });
    this.root.addEventListener("input", function (event) {
      var target = event.target;
      if (!answering(target)) return;
      if (target.tagName === "TEXTAREA" || target.type === "text" || target.type === "date") self.changed(target, true);
    });
    this.form.addEventListener("focusin", function (event) {
      var box = event.target.closest("[data-item]");
      if (box) self.current = box.getAttribute("data-item");
      // after the browser's own scrolling (which leaves a partly visible field where it is)
      window.requestAnimationFrame(function () { self.unhide(event.target); });
    });
    this.keepClear();
    this.startPresenter();
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
      var id = box.getAttribute("data-item"), kind = box.getAttribute("data-kind"), value;
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
    this.progress();
  };

  /* "23 van 64 vragen beantwoord": all questions come from the advice table; per step and per
   * checklist from the questions in its part of the form. */
  Page.prototype.progress = function () {
    var answers = this.answers, has = Object.prototype.hasOwnProperty;
    var answered = this.table.items.filter(function (item) { return has.call(answers, item.id); });
    var feeding = answered.filter(function (item) { return item.feeds && item.feeds !== "verslag"; }).length;
    var node = this.root.querySelector("[data-bv-progress]");
    if (node) {
      var total = this.table.items.length;
      node.textContent = answered.length + " van " + total + " vragen beantwoord" +
        (answered.length ? "; " + (feeding === 1 ? "1 daarvan telt" : feeding + " daarvan tellen") + " mee voor het advies." : ".");
    }
    this.root.querySelectorAll("[data-bv-count]").forEach(function (count) {
      var part = document.getElementById("bv-analysis-" + count.getAttribute("data-bv-count"));
      if (!part) return;
      var ids = Array.prototype.map.call(part.querySelectorAll("[data-item]"), function (box) { return box.getAttribute("data-item"); });
      if (!ids.length && count.getAttribute("data-bv-ids")) ids = count.getAttribute("data-bv-ids").split(" ");
      count.setAttribute("data-bv-ids", ids.join(" ")); // a question in the presentation view stays counted
      var done = ids.filter(function (id) { return has.call(answers, id); }).length;
      count.textContent = "(" + done + " van " + ids.length + ")";
      count.className = "bv-an-count" + (done === ids.length ? " bv-an-count-done" : "");
    });
  };

  /* Scrolls a focused control (with its label) out from under the summary bar. */
  Page.prototype.unhide = function (control) {
    if (!this.bar || document.activeElement !== control || control.closest("[data-bv-bar]") || !this.form.contains(this.bar)) return;
    var r = control.getBoundingClientRect(), bar = this.bar.getBoundingClientRect();
    if (r.bottom <= bar.top || r.top >= bar.bottom || bar.bottom < window.innerHeight - 2) return; // not under it, or the bar is in its own place
    var by = Math.min(r.bottom - bar.top + 12, r.top - 60);
    if (by > 0) window.scrollBy({ top: by, behavior: "instant" });
  };

  /* The summary bar never hides the field that has the focus: the scrolling element keeps its
   * height free at the bottom (scroll-padding, set in the CSS from --bv-an-bar). */
  Page.prototype.keepClear = function () {
    var bar = this.bar;
    if (!bar) return;
    function measure() {
      document.documentElement.style.setProperty("--bv-an-bar", Math.ceil(bar.getBoundingClientRect().height + 12) + "px");
    }
    measure();
    if (typeof ResizeObserver !== "undefined") new ResizeObserver(measure).observe(bar);
    else window.addEventListener("resize", measure);
  };

  Page.prototype.fill = function () {
    var answers = this.answers, meta = this.meta;
    this.root.querySelectorAll("[data-meta]").forEach(function (control) { control.value = meta[control.getAttribute("data-meta")] || ""; });
    this.root.querySelectorAll("[data-item]").forEach(function (box) {
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
    var saved;
    try { saved = JSON.parse(window.localStorage.getItem(this.key) || "null"); } catch (error) { saved = null; }
    if (saved && typeof saved === "object") {
      if (saved.format === undefined && saved.answers) saved = { format: bv.advice.DOCUMENT_FORMAT, version: 2, answers: saved.answers, meeting: saved.meta || {} };
      this.take(saved);
    }
    this.fill();
  };

  /* A message in the status region; ``detail`` folds away, ``action`` ({label, run}) is a button
   * after the text (used for "Ongedaan maken"). */
  Page.prototype.say = function (text, error, detail, action) {
    this.message.innerHTML = "<p>" + esc(text) + "</p>" + (detail ? '<details><summary>Technische details</summary>' + esc(detail) + "</details>" : "");
    this.message.className = "bv-an-message" + (error ? " bv-an-error" : "");
    window.clearTimeout(this.undoTimer);
    if (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "bv-an-undo";
      button.setAttribute("data-bv-undo", "");
      button.textContent = action.label;
      button.addEventListener("click", action.run);
      this.message.appendChild(button);
    }
  };

  /* Asks in a modal dialog (keyboard: Tab between the buttons, Esc cancels); ``choices`` are
   * [value, label] pairs, the last one is the safe choice and has the focus. */
  Page.prototype.ask = function (question, choices, then) {
    var dialog = this.dialog;
    if (!dialog || typeof dialog.showModal !== "function") {
      if (window.confirm(question)) then(choices[0][0]);
      else then(null);
      return;
    }
    dialog.querySelector("[data-bv-dialog-text]").textContent = question;
    var holder = dialog.querySelector("[data-bv-dialog-buttons]"), answered = false;
    holder.innerHTML = "";
    choices.forEach(function (choice, n) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = choice[1];
      button.setAttribute("data-bv-choice", choice[0]);
      if (n === choices.length - 1) button.className = "bv-an-safe";
      button.addEventListener("click", function () {
        answered = true;
        dialog.close();
        then(choice[0]);
      });
      holder.appendChild(button);
    });
    dialog.onclose = function () { if (!answered) { answered = true; then(null); } };
    dialog.showModal();
    holder.lastChild.focus();
  };

  Page.prototype.hasAnswers = function () {
    var meta = this.meta;
    return Object.keys(this.answers).length > 0 || META.some(function (key) { return meta[key] && String(meta[key]).trim(); });
  };

  /* Replaces everything on screen (answers and the meeting) and offers to undo it. */
  Page.prototype.replace = function (answers, meta, text) {
    var before = { answers: copy(this.answers), meta: copy(this.meta) }, self = this;
    this.answers = answers;
    this.meta = meta;
    this.form.querySelectorAll(".bv-an-derived").forEach(function (node) { node.remove(); });
    this.fill();
    if (this.hasAnswers()) this.store();
    else { try { window.localStorage.removeItem(this.key); } catch (error) { /* nothing stored */ } }
    this.update();
    this.say(text, false, null, { label: "Ongedaan maken", run: function () {
      self.answers = before.answers;
      self.meta = before.meta;
      self.fill();
      self.store();
      self.update();
      var clear = self.root.querySelector("[data-bv-action='clear']");
      if (clear) clear.focus();
      self.say("De antwoorden van v\u00f3\u00f3r die stap staan weer op het scherm, met de datum, de buurt en de aanwezigen.");
    } });
    this.undoTimer = window.setTimeout(function () {
      var undo = self.message.querySelector("[data-bv-undo]");
      if (undo) undo.remove();
    }, UNDO);
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
    var read = bv.advice.readDocument(this.table, raw), self = this;
    function replace() {
      self.replace(read[0], read[1], "De antwoorden uit " + name + " zijn geopend (" + Object.keys(read[0]).length + " antwoorden), met de datum, de buurt en de aanwezigen die erin staan.");
    }
    if (!this.hasAnswers()) {
      replace();
      return true;
    }
    this.ask("Huidige antwoorden vervangen? Sla ze eerst op. Als u " + name + " opent, komen de antwoorden, de datum, de buurt en de aanwezigen uit dat bestand in de plaats van wat nu op het scherm staat.",
      [["save", "Eerst opslaan, dan openen"], ["replace", "Vervangen"], ["cancel", "Annuleren"]], function (choice) {
        if (choice === "save") self.save();
        if (choice === "save" || choice === "replace") replace();
        else self.say("Het bestand " + name + " is niet geopend; uw antwoorden op het scherm zijn niet veranderd.");
      });
    return true;
  };

  Page.prototype.clear = function () {
    var self = this;
    if (!this.hasAnswers()) {
      this.say("Er staan geen antwoorden op het scherm; er is niets gewist.");
      return;
    }
    this.ask("Alle antwoorden wissen, ook de datum, de buurt en de aanwezigen? Ze worden ook uit de opslag van deze browser gewist. Daarna kunt u het nog even ongedaan maken.",
      [["clear", "Alles wissen"], ["cancel", "Annuleren"]], function (choice) {
        if (choice !== "clear") {
          self.say("Er is niets gewist.");
          return;
        }
        self.replace({}, {}, "Alle antwoorden zijn gewist, ook uit de opslag van deze browser.");
      });
  };

  /* "Presenteren": one question at a time in large type, with the one-line summary, for a
   * beamer. The question itself (and the summary bar) move into the dialog and back, so answering
   * works the same; Page Down / Page Up and the arrow keys (outside a field) go to the next and
   * previous question, on to the next step; Esc leaves. */
  Page.prototype.startPresenter = function () {
    var self = this, view = this.presenter;
    if (!view) return;
    view.querySelectorAll("[data-bv-present-go]").forEach(function (button) {
      button.addEventListener("click", function () { self.go(parseInt(button.getAttribute("data-bv-present-go"), 10), button); });
    });
    view.querySelector("[data-bv-present-close]").addEventListener("click", function () { view.close(); });
    view.addEventListener("keydown", function (event) {
      var key = event.key, target = event.target;
      var field = /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (key === "PageDown" || (!field && (key === "ArrowDown" || key === "ArrowRight"))) {
        event.preventDefault();
        self.go(1);
      } else if (key === "PageUp" || (!field && (key === "ArrowUp" || key === "ArrowLeft"))) {
        event.preventDefault();
        self.go(-1);
      }
    });
    view.addEventListener("close", function () { self.unpresent(); });
  };

  Page.prototype.questions = function () {
    return Array.prototype.map.call(this.form.querySelectorAll("[data-item]"), function (box) { return box.getAttribute("data-item"); });
  };

  /* The question to start at: the one that last had the focus, else the first question of the
   * step that is in view. */
  Page.prototype.startQuestion = function () {
    if (this.current) return this.current;
    var steps = this.form.querySelectorAll(".bv-an-step"), chosen = steps[0];
    Array.prototype.forEach.call(steps, function (step) { if (step.getBoundingClientRect().top < window.innerHeight / 2) chosen = step; });
    var first = chosen && chosen.querySelector("[data-item]");
    return first ? first.getAttribute("data-item") : this.questions()[0];
  };

  Page.prototype.present = function () {
    var view = this.presenter;
    if (!view || typeof view.showModal !== "function") {
      this.say("Presenteren werkt niet in deze browser. Vergroot de pagina met Ctrl en +.", true);
      return;
    }
    this.presenting = null;
    this.barHome = document.createComment("bv-an-bar");
    this.bar.parentNode.insertBefore(this.barHome, this.bar);
    view.querySelector("[data-bv-present-foot]").insertBefore(this.bar, view.querySelector("[data-bv-present-foot]").firstChild);
    view.showModal();
    this.show(this.startQuestion());
  };

  Page.prototype.show = function (id, button) {
    var view = this.presenter, slot = view.querySelector("[data-bv-present-slot]");
    this.putBack();
    var box = this.form.querySelector('[data-item="' + id + '"]');
    if (!box) return;
    var order = this.questions(), at = order.indexOf(id);
    view.querySelector('[data-bv-present-go="-1"]').disabled = at === 0;
    view.querySelector('[data-bv-present-go="1"]').disabled = at === order.length - 1;
    var step = box.closest(".bv-an-step"), checklist = box.closest(".bv-an-checklist");
    var inStep = Array.prototype.map.call(step.querySelectorAll("[data-item]"), function (b) { return b.getAttribute("data-item"); });
    view.querySelector("[data-bv-present-title]").textContent = step.querySelector("h2").textContent;
    view.querySelector("[data-bv-present-count]").textContent = checklist.querySelector("h3").textContent + " \u00b7 vraag " +
      (inStep.indexOf(id) + 1) + " van " + inStep.length;
    this.home = document.createComment("bv-an-question");
    box.parentNode.insertBefore(this.home, box);
    slot.appendChild(box);
    this.presenting = id;
    this.current = id;
    if (button && !button.disabled) button.focus(); else slot.focus();
  };

  Page.prototype.putBack = function () {
    if (this.home && this.presenting) {
      var box = this.presenter.querySelector('[data-item="' + this.presenting + '"]');
      if (box) this.home.parentNode.insertBefore(box, this.home);
      this.home.remove();
    }
    this.home = null;
    this.presenting = null;
  };

  Page.prototype.go = function (step, button) {
    var id = this.presenting;
    this.putBack();
    var order = this.questions(), at = order.indexOf(id) + step;
    this.show(order[Math.max(0, Math.min(order.length - 1, at))], button);
  };

  Page.prototype.unpresent = function () {
    var id = this.presenting;
    this.putBack();
    if (this.barHome) {
      this.barHome.parentNode.insertBefore(this.bar, this.barHome);
      this.barHome.remove();
      this.barHome = null;
    }
    var box = id && this.form.querySelector('[data-item="' + id + '"]');
    var control = box && (box.querySelector("input:checked") || box.querySelector("input, textarea"));
    if (control) control.focus();
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
