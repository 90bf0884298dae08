/* Buurtanalyse: the meeting's answers → advice and a printable report, entirely in the browser.
 *
 * The data (window.BV_ANALYSIS_DATA, from _static/bv-analysis-data.js) is the compiled catalogue's
 * checklists, vocabularies, examples and advice rules. The evaluator below follows
 * buurtverbinding.advice (Situation, recommend, gaps and the report) step by step; a Playwright
 * test compares both on hundreds of answer sets. Nothing is sent anywhere: answers stay in this
 * page's localStorage until "Alles wissen". Plain JavaScript, no dependencies.
 */
(function () {
  "use strict";

  var NO_PHASE_NOTE = "De fase is niet ingevuld. De fase weegt zwaar in dit advies; vul die in als het kan.";
  var WAIT_PREFIX = "Nog even wachten: ";
  var NEXT_STEP_EXAMPLES = 3;
  var LIMIT = 5;

  // --- the engine: the same method as buurtverbinding.advice ---------------------------------

  function Engine(data) {
    var self = this;
    this.data = data;
    this.labels = {};
    this.order = {};
    Object.keys(data.vocabularies).forEach(function (name) {
      var labels = {}, order = {};
      data.vocabularies[name].forEach(function (pair, i) { labels[pair[0]] = pair[1]; order[pair[0]] = i; });
      self.labels[name] = labels;
      self.order[name] = order;
    });
    this.directions = data.directions;
    this.short = {};
    this.number = {};
    data.directions.forEach(function (d) { self.short[d.id] = d.short; self.number[d.id] = d.number; });
    this.items = data.items;
    this.itemById = {};
    data.items.forEach(function (item, i) { item.index = i; self.itemById[item.id] = item; });
    this.words = data.words;
    this.rated = {};
    data.rated.forEach(function (level) { self.rated[level] = true; });
    // rules: phase → [[direction, points, why]], facets: [[field, {value: [[direction, points, why]]}]]
    this.phase = {};
    this.notes = {};
    this.facets = [];
    data.rules.forEach(function (set) {
      var table = {};
      set.rules.forEach(function (rule) {
        var list = table[rule.value] || (table[rule.value] = []);
        var entry = [rule.direction, rule.points, rule.why || set.why || ""];
        var at = list.findIndex(function (e) { return e[0] === rule.direction; });
        if (at >= 0) list[at] = entry; else list.push(entry);
      });
      if (set.field === "phase") {
        self.phase = table;
        self.notes = {};
        (set.notes || []).forEach(function (note) { self.notes[note.value] = note.text; });
      } else {
        self.facets.push([set.field, table]);
      }
    });
    var s = this.s = data.scoring;
    this.fields = data.fields.filter(function (f) { return f in s.match || f in s.mismatch; });
    this.examples = data.examples;
    this.byId = {};
    this.byTitle = {};
    var ev = this.order.bewijsniveaus;
    var sorted = data.examples.map(function (e, n) { return n; });
    sorted.sort(function (a, b) {
      var ea = data.examples[a], eb = data.examples[b];
      var d = (ev[eb.level] || 0) - (ev[ea.level] || 0);
      return d !== 0 ? d : (ea.id < eb.id ? -1 : ea.id > eb.id ? 1 : 0);
    });
    this.tie = new Array(data.examples.length);
    sorted.forEach(function (n, place) { self.tie[n] = place; });
    data.examples.forEach(function (e, n) {
      e.n = n;
      e.dirs = [e.direction].concat(e.secondary || []);
      e.sets = {};
      self.fields.forEach(function (field) {
        var set = {};
        (e[field] || []).forEach(function (v) { set[v] = true; });
        if (field === "target_groups") (e.intermediate_groups || []).forEach(function (v) { set[v] = true; });
        e.sets[field] = set;
        e.sets[field + "#"] = Object.keys(set).length;
      });
      e.phaseIdx = (e.phases || []).map(function (p) { return self.order.fasen[p]; });
      e.fixed = (s.evidence[e.level] || 0) + (s.effect[e.effect] || 0);
      self.byId[e.id] = e;
      self.byTitle[casefold(e.title)] = e;
    });
    this.retired = data.retired || {};
  }

  function casefold(text) { return String(text).toLowerCase(); }

  Engine.prototype.label = function (field, value) {
    var vocabulary = this.words[field][2];
    var labels = this.labels[vocabulary] || {};
    return value in labels ? labels[value] : value;
  };

  Engine.prototype.quoted = function (field, values) {
    var self = this;
    return values.map(function (v) { return "'" + self.label(field, v) + "'"; }).join(", ");
  };

  Engine.prototype.heldBack = function (phase, direction) {
    var list = this.phase[phase || ""] || [];
    for (var i = 0; i < list.length; i++) if (list[i][0] === direction && list[i][1] < 0) return list[i];
    return null;
  };

  function unique(values) {
    var seen = {}, out = [];
    values.forEach(function (v) {
      if (typeof v === "string") v = v.trim();
      if (v === "" || v === null || v === undefined || seen[v]) return;
      seen[v] = true;
      out.push(v);
    });
    return out;
  }

  function stripChars(text, chars) {
    var start = 0, end = text.length;
    while (start < end && chars.indexOf(text[start]) >= 0) start++;
    while (end > start && chars.indexOf(text[end - 1]) >= 0) end--;
    return text.slice(start, end);
  }

  /* Assessment.to_situation: the answers (already checked), through each item's feeds. */
  Engine.prototype.situation = function (answers) {
    var lists = {}, single = {};
    this.items.forEach(function (item) {
      if (!item.feeds || !(item.id in answers)) return;
      var answer = answers[item.id], values;
      if (item.feeds === "existing") {
        values = String(answer).split(/[\n;,]+/).map(function (part) { return stripChars(part, " -*\t"); });
      } else {
        values = Array.isArray(answer) ? answer : [answer];
      }
      if (item.feeds === "phase" || item.feeds === "budget") {
        if (!(item.feeds in single)) single[item.feeds] = values[0];
      } else {
        lists[item.feeds] = (lists[item.feeds] || []).concat(values);
      }
    });
    var situation = { phase: single.phase || null, budget: single.budget || null };
    ["forms", "causes", "dividing_lines", "locations", "target_groups", "partners", "existing"].forEach(function (field) {
      situation[field] = unique(lists[field] || []);
    });
    if (typeof situation.phase === "string") situation.phase = situation.phase.trim() || null;
    if (typeof situation.budget === "string") situation.budget = situation.budget.trim() || null;
    return situation;
  };

  Engine.prototype.directionScores = function (sit) {
    var self = this, found = {};
    this.directions.forEach(function (d) { found[d.id] = []; });
    if (sit.phase) {
      var label = this.label("phase", sit.phase);
      (this.phase[sit.phase] || []).forEach(function (r) {
        if (r[0] in found) found[r[0]].push({ text: "fase '" + label + "': " + r[2], points: r[1], field: "phase" });
      });
    }
    this.facets.forEach(function (pair) {
      var field = pair[0], table = pair[1], word = self.words[field][0];
      sit[field].forEach(function (value) {
        (table[value] || []).forEach(function (r) {
          if (r[0] in found) found[r[0]].push({ text: word + " '" + self.label(field, value) + "' " + r[2], points: r[1], field: field });
        });
      });
    });
    var scored = this.directions.map(function (d) {
      var reasons = found[d.id].slice().sort(function (a, b) { return b.points - a.points; });
      var score = reasons.reduce(function (sum, r) { return sum + r.points; }, 0);
      return { direction: d, score: score, reasons: reasons, called_for: score >= self.s.called_for };
    });
    scored.sort(function (a, b) { return (b.score - a.score) || (a.direction.number - b.direction.number); });
    return scored;
  };

  /* _score_example: the one definition of an example's score; texts only when asked. */
  Engine.prototype.scoreExample = function (sit, e, called, texts) {
    var self = this, s = this.s, reasons = texts ? [] : null, caveats = texts ? [] : null, score = 0, fits = false;
    function add(list, text, points, field) {
      score += points;
      if (texts) list.push({ text: text(), points: points, field: field });
    }
    if (sit.phase) {
      var label = texts ? this.label("phase", sit.phase) : "";
      if (e.phases.indexOf(sit.phase) >= 0) {
        add(reasons, function () { return "fase '" + label + "' past bij dit voorbeeld"; }, s.phase_match, "phase");
        fits = true;
      } else {
        var at = this.order.fasen[sit.phase], distance = Infinity;
        e.phaseIdx.forEach(function (i) { distance = Math.min(distance, Math.abs(at - i)); });
        add(caveats, function () { return "fase '" + label + "' past niet: dit voorbeeld is bedoeld voor " + self.quoted("phase", e.phases); },
          distance === 1 ? s.phase_adjacent : s.phase_far, "phase");
      }
    }
    var title = this.short[e.direction];
    var held = this.heldBack(sit.phase, e.direction);
    if (held) add(caveats, function () { return "richting '" + title + "' komt in deze fase later: " + held[2]; }, held[1], "phase");
    if (called.length) {
      var secondary = called.filter(function (d) { return (e.secondary || []).indexOf(d) >= 0; });
      if (e.direction === called[0]) {
        add(reasons, function () { return "hoort bij richting '" + title + "', die bovenaan staat"; }, s.top_direction, "direction"); fits = true;
      } else if (called.indexOf(e.direction) >= 0) {
        add(reasons, function () { return "hoort bij richting '" + title + "', die ook nodig is"; }, s.called_direction, "direction"); fits = true;
      } else if (secondary.length) {
        add(reasons, function () {
          return "draagt ook bij aan richting " + secondary.map(function (d) { return "'" + self.short[d] + "'"; }).join(", ");
        }, s.secondary_direction, "direction");
        fits = true;
      }
    }
    for (var f = 0; f < this.fields.length; f++) {
      var field = this.fields[f], wanted = sit[field];
      if (!wanted.length) continue;
      var offered = e.sets[field], matched = [];
      for (var w = 0; w < wanted.length; w++) if (offered[wanted[w]]) matched.push(wanted[w]);
      if (matched.length && field in s.match) {
        (function (field, matched) {
          add(reasons, function () {
            var noun = matched.length === 1 ? self.words[field][0] : self.words[field][1];
            return noun + " " + self.quoted(field, matched) + " " + (matched.length === 1 ? "past" : "passen") + " bij dit voorbeeld";
          }, s.match[field] * Math.min(matched.length, s.match_cap), field);
        })(field, matched);
        fits = true;
      } else if (!matched.length && e.sets[field + "#"] && field in s.mismatch) {
        (function (field, offered) {
          add(caveats, function () {
            var order = self.order[self.words[field][2]];
            var meant = Object.keys(offered).sort(function (a, b) { return order[a] - order[b]; });
            return "bedoeld voor andere " + self.words[field][1] + ": " + self.quoted(field, meant);
          }, s.mismatch[field], field);
        })(field, offered);
      }
    }
    if (!fits) return null;
    if (sit.partners.length && e.partners && e.partners.length) {
      var present = e.partners.filter(function (p) { return sit.partners.indexOf(p) >= 0; });
      var missing = e.partners.filter(function (p) { return sit.partners.indexOf(p) < 0; });
      if (present.length) {
        add(reasons, function () {
          return (present.length === 1 ? "partner " : "partners ") + self.quoted("partners", present) + (present.length === 1 ? " zit" : " zitten") + " al aan tafel";
        }, s.partner * Math.min(present.length, s.partner_cap), "partners");
      }
      if (missing.length) add(caveats, function () { return "nodig, maar niet aan tafel: " + self.quoted("partners", missing); }, 0, "partners");
    }
    if (sit.budget) {
      var budget = texts ? this.label("budget", sit.budget) : "";
      if (!e.cost) {
        add(caveats, function () { return "kosten onbekend"; }, 0, "budget");
      } else {
        var bands = this.order.kostenniveaus, cost = texts ? this.labels.kostenniveaus[e.cost] : "";
        if (bands[e.cost] > bands[sit.budget]) {
          add(caveats, function () { return "kosten '" + cost + "' liggen boven het budget '" + budget + "'"; }, s.over_budget, "budget");
        } else {
          add(reasons, function () { return "kosten '" + cost + "' passen binnen het budget '" + budget + "'"; }, s.within_budget, "budget");
        }
      }
    }
    var levelLabel = texts ? this.labels.bewijsniveaus[e.level] : "";
    if (this.rated[e.level]) {
      add(reasons, function () { return "beoordeeld als '" + levelLabel + "'"; }, s.evidence[e.level] || 0, "evidence");
    } else {
      add(caveats, function () { return "niet beoordeeld door een databank of erkenningscommissie"; }, 0, "evidence");
    }
    var effectPoints = s.effect[e.effect] || 0;
    add(effectPoints > 0 ? reasons : caveats, function () {
      return "effect volgens de bronnen: " + self.labels.effectrichtingen[e.effect].toLowerCase();
    }, effectPoints, "effect");
    return { example: e, score: score, reasons: reasons, caveats: caveats };
  };

  Engine.prototype.matchExisting = function (sit) {
    var self = this;
    return sit.existing.map(function (entry) {
      var id = entry in self.retired ? self.retired[entry] : entry;
      if (self.byId[id]) return { entry: entry, example: self.byId[id], how: "id" };
      var byTitle = self.byTitle[casefold(entry)];
      if (byTitle) return { entry: entry, example: byTitle, how: "title" };
      return { entry: entry, example: null, how: null };
    });
  };

  /* Every listed example as [example, score], best first (score, then evidence, then id). */
  Engine.prototype.rank = function (sit, directions, existing) {
    var called = directions.filter(function (d) { return d.called_for; }).map(function (d) { return d.direction.id; });
    var skip = {};
    existing.forEach(function (m) { if (m.example) skip[m.example.id] = true; });
    var ranked = [], examples = this.examples;
    for (var n = 0; n < examples.length; n++) {
      var e = examples[n];
      if (skip[e.id]) continue;
      var scored = this.scoreExample(sit, e, called, false);
      if (scored) ranked.push([e, scored.score]);
    }
    var tie = this.tie;
    ranked.sort(function (a, b) { return (b[1] - a[1]) || (tie[a[0].n] - tie[b[0].n]); });
    return { called: called, ranked: ranked };
  };

  Engine.prototype.advise = function (sit, called, e) {
    return this.scoreExample(sit, e, called, true);
  };

  Engine.prototype.evaluate = function (answers, limit) {
    var self = this;
    var sit = this.situation(answers);
    var directions = this.directionScores(sit);
    var existing = this.matchExisting(sit);
    var r = this.rank(sit, directions, existing);
    var take = limit === null || limit === undefined ? r.ranked : r.ranked.slice(0, limit);
    var examples = take.map(function (pair) { return self.advise(sit, r.called, pair[0]); });
    var notes = !sit.phase ? [NO_PHASE_NOTE] : (sit.phase in this.notes ? [this.notes[sit.phase]] : []);
    return {
      situation: sit, notes: notes, directions: directions, examples: examples, existing: existing,
      gaps: this.gaps(sit, directions, existing, r),
    };
  };

  Engine.prototype.gaps = function (sit, directions, existing, r) {
    var self = this;
    function suggest(wanted) {
      var out = [];
      for (var i = 0; i < r.ranked.length && out.length < 3; i++) {
        if (wanted(r.ranked[i][0])) out.push(self.advise(sit, r.called, r.ranked[i][0]));
      }
      return out;
    }
    var known = existing.filter(function (m) { return m.example; });
    var unknown = existing.filter(function (m) { return !m.example; }).map(function (m) { return m.entry; });
    var covered = {};
    known.forEach(function (m) { m.example.dirs.forEach(function (d) { covered[d] = true; }); });
    var inPlace;
    if (known.length) {
      inPlace = "Wat er al loopt: " + known.map(function (m) {
        return "'" + m.example.title + "' (" + m.example.dirs.map(function (d) { return self.short[d]; }).join(", ") + ")";
      }).join("; ") + ".";
    } else {
      inPlace = "Er is geen bestaand aanbod opgegeven.";
    }
    if (unknown.length) inPlace += " Niet herkend en niet meegeteld: " + unknown.map(function (e) { return "'" + e + "'"; }).join(", ") + ".";
    var found = [], later = [];
    directions.forEach(function (d) {
      if (!d.called_for || covered[d.direction.id]) return;
      var why = d.reasons.filter(function (x) { return x.points > 0; }).slice(0, 3).map(function (x) { return x.text; }).join("; ");
      var reasons = [
        "De situatie vraagt om richting '" + d.direction.short + "' (" + d.score + " punten): " + why + ".",
        known.length ? "Geen van de lopende activiteiten hoort bij deze richting. " + inPlace : inPlace,
      ];
      var held = self.heldBack(sit.phase, d.direction.id);
      if (held) {
        reasons.unshift(WAIT_PREFIX + held[2] + " (fase '" + self.label("phase", sit.phase) + "', " + held[1] + " punten). Begin hiermee als de fase dat toelaat.");
      }
      var gap = { kind: "direction", direction: d.direction, phase: null, reasons: reasons,
        suggestions: suggest(function (e) { return e.direction === d.direction.id; }) };
      (held ? later : found).push(gap);
    });
    found = found.concat(later);
    if (sit.phase && known.length && !known.some(function (m) { return m.example.phases.indexOf(sit.phase) >= 0; })) {
      var phases = {};
      known.forEach(function (m) { m.example.phases.forEach(function (p) { phases[p] = true; }); });
      var order = this.order.fasen;
      var list = Object.keys(phases).sort(function (a, b) { return order[a] - order[b]; });
      found.push({
        kind: "phase", direction: null, phase: sit.phase,
        reasons: ["De buurt zit in fase '" + this.label("phase", sit.phase) + "', maar wat er loopt is bedoeld voor " + this.quoted("phase", list) + ".", inPlace],
        suggestions: suggest(function (e) { return e.phases.indexOf(sit.phase) >= 0; }),
      });
    }
    return found;
  };

  // --- checking answers (the rules of assess --answers), with Dutch messages --------------------

  function show(value) {
    var text = typeof value === "string" ? "'" + value + "'" : JSON.stringify(value);
    return text.length <= 60 ? text : text.slice(0, 57) + "...";
  }

  function kindOf(value) {
    if (typeof value === "boolean") return "ja/nee (true/false)";
    if (Array.isArray(value)) return "een lijst";
    if (value === null) return "leeg";
    if (typeof value === "object") return "een tabel";
    if (typeof value === "number") return "een getal";
    return "tekst";
  }

  Engine.prototype.check = function (raw) {
    var self = this, problems = [], out = {};
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      return { problems: ["Het bestand moet per vraag de code en het antwoord geven, zoals {\"fase-nu\": \"ongemak\"}, niet " + kindOf(raw) + "."] };
    }
    Object.keys(raw).forEach(function (key) {
      var item = self.itemById[key];
      if (!item) {
        problems.push("Onbekende vraag '" + key + "'. Geldige vragen: " + self.items.map(function (i) { return i.id; }).join(", ") + ".");
        return;
      }
      var result = self.answerFor(item, raw[key]);
      if (result.problem) problems.push(result.problem);
      else if (result.value !== null) out[key] = result.value;
    });
    if (problems.length) return { problems: problems };
    var ordered = {};
    this.items.forEach(function (item) { if (item.id in out) ordered[item.id] = out[item.id]; });
    return { answers: ordered, problems: [] };
  };

  Engine.prototype.answerFor = function (item, raw) {
    if (raw === null || raw === "" || (Array.isArray(raw) && !raw.length)) return { value: null };
    var where = "Vraag '" + item.id + "'";
    if (item.kind === "yes_no") {
      var word = typeof raw === "boolean" ? (raw ? "ja" : "nee") : String(raw).trim().toLowerCase();
      if (word === "ja" || word === "yes") return { value: "ja" };
      if (word === "nee" || word === "no") return { value: "nee" };
      return { problem: where + " (ja/nee): " + show(raw) + " is geen antwoord. Geldige antwoorden: ja, nee (yes en no mag ook)." };
    }
    if (item.kind === "single_choice" || item.kind === "multiple_choice") {
      var valid = this.data.vocabularies[item.vocabulary].map(function (p) { return p[0]; });
      var listed = " Geldige antwoorden: " + valid.join(", ") + ".";
      if (item.kind === "single_choice") {
        if (typeof raw !== "string") return { problem: where + " heeft één antwoord, niet " + kindOf(raw) + " " + show(raw) + "." + listed };
        var one = raw.trim().toLowerCase();
        if (valid.indexOf(one) < 0) return { problem: where + ": " + show(raw) + " is geen geldig antwoord." + listed };
        return { value: one };
      }
      var values = typeof raw === "string" ? [raw] : raw;
      if (!Array.isArray(values) || !values.every(function (v) { return typeof v === "string"; })) {
        return { problem: where + " heeft een lijst van antwoorden, niet " + show(raw) + "." + listed };
      }
      var bad = values.filter(function (v) { return valid.indexOf(v.trim().toLowerCase()) < 0; });
      if (bad.length) return { problem: where + ": " + bad.map(show).join(", ") + (bad.length === 1 ? " is geen geldig antwoord." : " zijn geen geldige antwoorden.") + listed };
      return { value: unique(values.map(function (v) { return v.trim().toLowerCase(); })) };
    }
    if (item.kind === "scale") {
      var min = item.scale[0], max = item.scale[1], number = null;
      if (typeof raw === "number" && Number.isInteger(raw)) number = raw;
      if (typeof raw === "string" && /^\s*-?\d+\s*$/.test(raw)) number = parseInt(raw, 10);
      if (number === null || number < min || number > max) {
        return { problem: where + " (schaal): " + show(raw) + " is geen heel getal van " + min + " tot " + max + ". Geldige antwoorden: " +
          min + " (" + item.scale[2] + ") tot " + max + " (" + item.scale[3] + ")." };
      }
      return { value: number };
    }
    if (typeof raw === "number") return { value: String(raw) };
    if (Array.isArray(raw) && raw.every(function (v) { return typeof v === "string"; })) {
      var lines = raw.map(function (v) { return v.trim(); }).filter(Boolean);
      return { value: lines.length ? lines.join("\n") : null };
    }
    if (typeof raw !== "string") return { problem: where + " heeft tekst als antwoord, niet " + kindOf(raw) + " " + show(raw) + "." };
    return { value: raw.trim() || null };
  };

  // --- the report (as buurtverbinding.advice._report), as blocks ---------------------------------

  var FIELDS = [["phase", "Fase"], ["forms", "Vormen"], ["causes", "Oorzaken"], ["dividing_lines", "Scheidslijnen"],
    ["locations", "Plekken"], ["target_groups", "Groepen"], ["partners", "Partners aan tafel"], ["budget", "Budget"]];

  function B(kind, lines) { return { kind: kind, lines: lines }; }
  function and(items) { return items.length === 1 ? items[0] : items.slice(0, -1).join(", ") + " en " + items[items.length - 1]; }
  function firstSentence(text) { var m = /^(.+?[.!?])(\s|$)/.exec(text); return m ? m[1] : text; }
  function reasonLines(reasons) {
    return reasons.map(function (r) { return [r.points ? "(" + (r.points > 0 ? "+" : "") + r.points + ") " + r.text : r.text]; });
  }

  Engine.prototype.report = function (result, answers, root) {
    var self = this, blocks = [], sit = result.situation;
    var labels = function (field, values) {
      var list = values === null ? [] : (typeof values === "string" ? [values] : values);
      return list.map(function (v) { return self.label(field, v); }).join(", ") || "niet ingevuld";
    };
    blocks.push(B("h2", [["Situatie"]]));
    var rows = FIELDS.map(function (f) { return [["b", f[1] + ": "], labels(f[0], sit[f[0]])]; });
    var existing = result.existing.map(function (m) { return m.example ? m.example.title : "'" + m.entry + "' (niet herkend in de catalogus)"; });
    rows.push([["b", "Wat er al loopt: "], existing.join("; ") || "niet ingevuld"]);
    blocks.push(B("ul", rows));
    result.notes.forEach(function (note) { blocks.push(B("p", [[note]])); });

    blocks.push(B("h2", [["Aanbevolen richtingen"]]));
    blocks.push(B("p", [["Elke richting krijgt punten voor de antwoorden die erbij passen. Vanaf " + this.s.called_for + " punten is een richting nodig in deze situatie."]]));
    var called = result.directions.filter(function (d) { return d.called_for; });
    called.forEach(function (d, i) {
      blocks.push(B("h3", [[(i + 1) + ". " + d.direction.short + " — " + d.score + " punten"]]));
      blocks.push(B("p", [[d.direction.title]]));
      blocks.push(B("ul", reasonLines(d.reasons)));
    });
    if (!called.length) blocks.push(B("p", [["Geen enkele richting komt boven de drempel. Vul meer antwoorden in: de fase, de plekken en de groepen wegen het zwaarst."]]));
    var rest = result.directions.filter(function (d) { return !d.called_for; });
    if (rest.length) blocks.push(B("p", [[["b", "Minder nodig: "], rest.map(function (d) { return d.direction.short + " (" + d.score + ")"; }).join(", ")]]));

    blocks.push(B("h2", [["Aanbevolen voorbeelden"]]));
    if (!result.examples.length) blocks.push(B("p", [["Er passen nog geen voorbeelden. Vul meer antwoorden in: de fase, de plekken, de groepen en de vormen."]]));
    result.examples.forEach(function (a, i) {
      var e = a.example;
      var evidence = self.labels.bewijsniveaus[e.level] + "; effect " + self.labels.effectrichtingen[e.effect].toLowerCase();
      var heading = [(i + 1) + ". "];
      heading.push(e.url ? ["a", e.title, root + e.url] : e.title);
      heading.push(" — " + a.score + " punten");
      blocks.push(B("h3", [heading]));
      blocks.push(B("p", [[e.summary]]));
      blocks.push(B("ul", [
        [["b", "Richting: "], e.dirs.map(function (d) { return self.short[d]; }).join(", ")],
        [["b", "Bewijs: "], ["badge", evidence, e.level]],
        [["b", "Organisatie: "], e.organisation],
        [["b", "Meer lezen: "], ["a", e.source[0], e.source[1]]],
      ]));
      blocks.push(B("p", [[["b", "Waarom dit voorbeeld"]]]));
      blocks.push(B("ul", reasonLines(a.reasons)));
      if (a.caveats.length) {
        blocks.push(B("p", [[["b", "Let op"]]]));
        blocks.push(B("ul", reasonLines(a.caveats)));
      }
    });

    blocks.push(B("h2", [["Witte vlekken"]]));
    if (!result.gaps.length) blocks.push(B("p", [["Geen witte vlekken gevonden: wat er al loopt, dekt de richtingen die deze situatie vraagt."]]));
    result.gaps.forEach(function (gap) {
      var title = gap.direction ? "Richting " + gap.direction.short : "Fase '" + self.label("phase", gap.phase) + "'";
      if (gap.reasons.length && gap.reasons[0].indexOf(WAIT_PREFIX) === 0) title += " (later, als de fase het toelaat)";
      blocks.push(B("h3", [[title]]));
      gap.reasons.forEach(function (r) { blocks.push(B("p", [[r]])); });
      if (gap.suggestions.length) {
        blocks.push(B("p", [[["b", "Voorbeelden om te overwegen"]]]));
        blocks.push(B("ul", gap.suggestions.map(function (s) {
          return [["b", s.example.title], " (" + s.score + " punten): " + firstSentence(s.example.summary)];
        })));
      }
    });

    blocks.push(B("h2", [["Volgende stappen: wie doet wat"]]));
    blocks.push(B("ol", this.nextSteps(result)));
    if (answers && Object.keys(answers).length) blocks = blocks.concat(this.appendix(answers));
    return blocks;
  };

  Engine.prototype.nextSteps = function (result) {
    var self = this, sit = result.situation, top = result.examples.slice(0, NEXT_STEP_EXAMPLES), needed = {};
    top.forEach(function (a) { (a.example.partners || []).forEach(function (p) { (needed[p] = needed[p] || []).push(a.example.title); }); });
    var order = this.order.actoren, actor = this.labels.actoren;
    var partners = Object.keys(needed).sort(function (a, b) { return order[a] - order[b]; });
    var atTable = partners.filter(function (p) { return sit.partners.indexOf(p) >= 0; });
    var missing = partners.filter(function (p) { return sit.partners.indexOf(p) < 0; });
    var steps = [];
    atTable.forEach(function (p) {
      steps.push([["b", actor[p]], " (aan tafel): verkent " + and(needed[p]) + " en vertelt in het volgende overleg wat ervoor nodig is."]);
    });
    if (sit.partners.length && missing.length) {
      var invite = missing.map(function (p) { return actor[p] + " (voor " + and(needed[p]) + ")"; }).join("; ");
      steps.push([["b", "Voorzitter"], ": nodigt voor het volgende overleg uit wie nodig is maar nog niet aan tafel zit: " + invite + "."]);
    } else if (missing.length) {
      steps.push([["b", "Voorzitter"], ": nagaan wie er aan tafel zit. Voor de aanbevolen voorbeelden zijn nodig: " + missing.map(function (p) { return actor[p]; }).join(", ") + "."]);
    }
    if (result.gaps.length) {
      var what = result.gaps.filter(function (g) { return g.direction; }).map(function (g) { return "richting " + g.direction.short; })
        .concat(result.gaps.filter(function (g) { return g.phase; }).map(function (g) { return "fase '" + self.labels.fasen[g.phase] + "'"; }));
      steps.push([["b", "Beleidsadviseur van de gemeente"], ": legt de witte vlekken (" + and(what) + ") voor aan het bestuur (stap 4 van het stappenplan)."]);
    }
    var unrated = top.filter(function (a) { return !self.rated[a.example.level]; }).map(function (a) { return a.example.title; });
    if (unrated.length) {
      steps.push([["b", "Wie een voorbeeld kiest"], ": gaat na wat er bekend is over de werking van " + and(unrated) + ", bijvoorbeeld in een databank van interventies, en praat met de organisatie die het uitvoert."]);
    }
    steps.push([["b", "Voorzitter"], ": legt vast wie wat doet, wie het overzicht houdt en wanneer u samen terugkijkt of het werkt (stap 3 van het stappenplan)."]);
    return steps;
  };

  Engine.prototype.appendix = function (answers) {
    var self = this, blocks = [B("h2", [["Bijlage: alle antwoorden"]])], current = null, rows = [];
    var titles = {};
    this.data.checklists.forEach(function (c) { titles[c.id] = c.title; });
    this.items.forEach(function (item) {
      if (!(item.id in answers)) return;
      if (item.checklist !== current) {
        if (rows.length) { blocks.push(B("ul", rows)); rows = []; }
        blocks.push(B("h3", [[titles[item.checklist]]]));
        current = item.checklist;
      }
      var answer = answers[item.id], shown;
      if (item.vocabulary) {
        shown = (Array.isArray(answer) ? answer : [answer]).map(function (v) { return self.labels[item.vocabulary][v]; }).join(", ");
      } else if (item.scale) {
        shown = answer + " op een schaal van " + item.scale[0] + " (" + item.scale[2] + ") tot " + item.scale[1] + " (" + item.scale[3] + ")";
      } else {
        shown = String(answer).replace(/\n/g, "; ");
      }
      rows.push([["b", item.question], " ", shown]);
    });
    if (rows.length) blocks.push(B("ul", rows));
    return blocks;
  };

  // --- HTML ------------------------------------------------------------------------------------

  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function inline(line) {
    return line.map(function (part) {
      if (typeof part === "string") return esc(part).replace(/\n/g, "<br>");
      if (part[0] === "b") return "<strong>" + esc(part[1]) + "</strong>";
      if (part[0] === "badge") return '<span class="bv-an-badge bv-an-badge-' + esc(part[2]) + '">' + esc(part[1]) + "</span>";
      return '<a href="' + esc(part[2]) + '">' + esc(part[1]) + "</a>";
    }).join("");
  }

  function toHtml(blocks, shift) {
    return blocks.map(function (block) {
      if (/^h[1-6]$/.test(block.kind)) {
        var level = Math.min(6, parseInt(block.kind[1], 10) + shift);
        return "<h" + level + ">" + inline(block.lines[0]) + "</h" + level + ">";
      }
      if (block.kind === "p") return "<p>" + inline(block.lines[0]) + "</p>";
      return "<" + block.kind + ">" + block.lines.map(function (line) { return "<li>" + inline(line) + "</li>"; }).join("") + "</" + block.kind + ">";
    }).join("\n");
  }

  // --- the page --------------------------------------------------------------------------------

  function Page(root, engine) {
    this.root = root;
    this.engine = engine;
    this.base = root.getAttribute("data-bv-root") || "";
    this.key = root.getAttribute("data-bv-storage") || "buurtverbinding-analyse";
    this.form = root.querySelector("form.bv-an-form");
    this.advice = root.querySelector("[data-bv-advice]");
    this.message = root.querySelector("[data-bv-message]");
    this.answers = {};
    this.meta = {};
  }

  Page.prototype.start = function () {
    var self = this;
    this.restore();
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.addEventListener("change", function (event) { self.changed(event.target); });
    this.form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA" || event.target.type === "text" || event.target.type === "date") self.changed(event.target);
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

  Page.prototype.changed = function (control) {
    var meta = control.getAttribute("data-meta");
    if (meta) {
      var value = control.value.trim();
      if (value) this.meta[meta] = control.value; else delete this.meta[meta];
    } else {
      var box = control.closest("[data-item]");
      if (!box) return;
      var id = box.getAttribute("data-item"), kind = box.getAttribute("data-kind"), value2 = null;
      if (kind === "text") {
        value2 = control.value.trim() || null;
      } else if (kind === "multiple_choice") {
        var before = this.answers[id] || [];
        var checked = Array.prototype.map.call(box.querySelectorAll("input:checked"), function (i) { return i.value; });
        var kept = before.filter(function (v) { return checked.indexOf(v) >= 0; });
        value2 = kept.concat(checked.filter(function (v) { return kept.indexOf(v) < 0; }));
        if (!value2.length) value2 = null;
      } else {
        var picked = box.querySelector("input:checked");
        value2 = picked && picked.value !== "" ? (kind === "scale" ? parseInt(picked.value, 10) : picked.value) : null;
      }
      if (value2 === null) delete this.answers[id]; else this.answers[id] = value2;
    }
    this.store();
    this.update();
  };

  Page.prototype.ordered = function () {
    var out = {}, answers = this.answers;
    this.engine.items.forEach(function (item) { if (item.id in answers) out[item.id] = answers[item.id]; });
    return out;
  };

  Page.prototype.update = function () {
    var result = this.engine.evaluate(this.ordered(), LIMIT);
    this.result = result;
    var blocks = this.engine.report(result, null, this.base);
    var top = result.directions.filter(function (d) { return d.called_for; });
    var summary = top.length
      ? "Bovenaan: " + top[0].direction.short + " (" + top[0].score + " punten). " + result.examples.length + " voorbeelden, " + result.gaps.length + " witte vlekken."
      : "Nog geen richting boven de drempel.";
    this.advice.innerHTML = '<p class="bv-an-summary">' + esc(summary) + "</p>\n" + toHtml(blocks, 1);
    var bar = this.root.querySelector("[data-bv-summary]");
    if (bar) bar.textContent = summary;
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
      window.localStorage.setItem(this.key, JSON.stringify({ answers: this.ordered(), meta: this.meta }));
    } catch (error) { /* storage unavailable: the answers stay on screen only */ }
  };

  Page.prototype.restore = function () {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(this.key) || "null"); } catch (error) { saved = null; }
    if (saved && typeof saved === "object") {
      var checked = this.engine.check(saved.answers || {});
      if (!checked.problems.length) this.answers = checked.answers;
      if (saved.meta && typeof saved.meta === "object") this.meta = saved.meta;
    }
    this.fill();
  };

  Page.prototype.say = function (text, error) {
    this.message.textContent = text;
    this.message.className = "bv-an-message" + (error ? " bv-an-error" : "");
  };

  Page.prototype.save = function () {
    var text = JSON.stringify(this.ordered(), null, 2) + "\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var day = this.meta.datum || new Date().toISOString().slice(0, 10);
    link.download = "antwoorden-buurtanalyse-" + day + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    this.say("De antwoorden zijn opgeslagen als " + link.download + ". Maak er het advies mee met: buurtverbinding assess --answers " + link.download);
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
      this.say("Het bestand " + name + " is geen geldig JSON-bestand met antwoorden (" + error.message + "). Uw antwoorden op het scherm zijn niet veranderd.", true);
      return false;
    }
    var checked = this.engine.check(raw);
    if (checked.problems.length) {
      this.say("Het bestand " + name + " is niet geopend; uw antwoorden op het scherm zijn niet veranderd. " + checked.problems.join(" "), true);
      return false;
    }
    this.answers = checked.answers;
    this.fill();
    this.store();
    this.update();
    this.say("De antwoorden uit " + name + " zijn geopend (" + Object.keys(checked.answers).length + " antwoorden).");
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
    var meta = this.meta, data = this.engine.data;
    var site = this.root.getAttribute("data-bv-site") || window.location.href.split("#")[0];
    var answers = this.ordered();
    var blocks = [B("h1", [["Verslag buurtanalyse"]])];
    blocks.push(B("ul", [
      [["b", "Datum: "], meta.datum || "niet ingevuld"],
      [["b", "Buurt of gebied: "], meta.buurt || "niet ingevuld"],
      [["b", "Aanwezigen: "], meta.aanwezigen || "niet ingevuld"],
    ]));
    blocks.push(B("p", [["Dit advies is een hulpmiddel voor het gesprek aan tafel, geen oordeel: de punten laten zien welke antwoorden tot welke keuze leiden."]]));
    var result = this.engine.evaluate(answers, LIMIT);
    blocks = blocks.concat(this.engine.report(result, answers, this.base));
    holder.innerHTML = toHtml(blocks, 0) +
      '\n<p class="bv-an-colophon">Inhoud: CC BY 4.0; code: MIT. Gemaakt met buurtverbinding ' + esc(data.package) +
      " (catalogus " + esc(data.version) + ").<br>Site: " + esc(site) + "</p>";
  };

  Page.prototype.print = function () {
    this.preparePrint();
    window.print();
  };

  var engine = window.BV_ANALYSIS_DATA ? new Engine(window.BV_ANALYSIS_DATA) : null;

  /* For tests and benchmarks: the evaluator without the page. */
  window.BV_ANALYSIS = {
    Engine: Engine,
    engine: engine,
    check: function (raw) { return engine.check(raw); },
    evaluate: function (answers, limit) {
      var r = engine.evaluate(answers, limit === undefined ? LIMIT : limit);
      return {
        directions: r.directions.map(function (d) { return [d.direction.id, d.score, d.reasons.map(function (x) { return [x.text, x.points]; })]; }),
        examples: r.examples.map(function (a) {
          return [a.example.id, a.score, a.reasons.map(function (x) { return [x.text, x.points]; }), a.caveats.map(function (x) { return [x.text, x.points]; })];
        }),
        gaps: r.gaps.map(function (g) {
          return [g.kind, g.direction ? g.direction.id : g.phase, g.reasons, g.suggestions.map(function (s) { return [s.example.id, s.score]; })];
        }),
        notes: r.notes,
      };
    },
    pages: [],
  };

  function boot() {
    if (!engine) return;
    document.querySelectorAll("[data-bv-analysis]").forEach(function (root) {
      var page = new Page(root, engine);
      page.start();
      window.BV_ANALYSIS.pages.push(page);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot); else boot();
})();
