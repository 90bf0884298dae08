/* bv.advice: the advice evaluator of the Buurtanalyse page. Pure functions, no DOM.
 *
 * This file and buurtverbinding/advice/_evaluate.py are the two evaluators of one model: both
 * read the same advice table (bv.data.advice, compiled from content/advies/) and produce the
 * same plain-JSON advice. The rules, thresholds and every Dutch sentence are in the table; this
 * code holds the order of the steps only. The shared conformance suite (tests/advice-cases/)
 * runs against both. Keep the two in step: same function names, same order of operations,
 * integer arithmetic only.
 */
var bv = (typeof globalThis !== "undefined" ? globalThis : window).bv = (typeof globalThis !== "undefined" ? globalThis : window).bv || {};

bv.advice = (function () {
  "use strict";

  var DOCUMENT_FORMAT = "buurtanalyse";
  var DOCUMENT_VERSION = 2;
  var MEETING_FIELDS = [["datum", "report_date"], ["buurt", "report_area"], ["aanwezigen", "report_present"]];
  var LIST_FIELDS = ["locations", "target_groups", "dividing_lines", "forms", "causes", "partners"];
  var JUDGED = { judgement: "judgements", first: "first", policy: "policy" };
  var ANSWER_WORDS = { "ja": "ja", "yes": "ja", "nee": "nee", "no": "nee", "weet niet": "weet-niet", "weet-niet": "weet-niet" };

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function isString(value) { return typeof value === "string"; }
  function isNumber(value) { return typeof value === "number"; }
  function isInt(value) { return isNumber(value) && Number.isInteger(value); }
  function includes(list, value) { return list.indexOf(value) >= 0; }

  // --- small helpers, the same in _evaluate.py ----------------------------------------------

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return has(values, name) ? String(values[name]) : ""; });
  }

  function join(texts, word) {
    if (texts.length <= 1) return texts.join("");
    return texts.slice(0, -1).join(", ") + word + texts[texts.length - 1];
  }

  function lowerFirst(text) { return text.charAt(0).toLowerCase() + text.slice(1); }
  function upperFirst(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  function sentence(text) {
    text = upperFirst(text.trim());
    return /[.!?]$/.test(text) ? text : text + ".";
  }

  function clause(text) {
    text = lowerFirst(text.trim());
    return text.slice(-1) === "." ? text.slice(0, -1) : text;
  }

  function normalise(text) {
    text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
    return text ? text.split(/\s+/).join(" ") : "";
  }

  function show(value) {
    var text = isString(value) ? value : JSON.stringify(value);
    return text.length <= 60 ? text : text.slice(0, 57) + "...";
  }

  function distance(a, b) {
    var previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      current = [i];
      for (j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1)));
      }
      previous = current;
    }
    return previous[b.length];
  }

  function closest(word, candidates) {
    for (var i = 0; i < candidates.length; i++) {
      if (word && candidates[i].indexOf(word) === 0) return candidates[i];
    }
    var best = null, bestDistance = 0;
    candidates.forEach(function (candidate) {
      var d = distance(word, candidate);
      if (best === null || d < bestDistance) { best = candidate; bestDistance = d; }
    });
    return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
  }

  function formatNumber(value) { return String(value); }

  function dutchDate(table, text) {
    var match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return text;
    return Number(match[3]) + " " + table.texts.months[Number(match[2]) - 1] + " " + match[1];
  }

  function stripChars(text, chars) {
    var start = 0, end = text.length;
    while (start < end && chars.indexOf(text.charAt(start)) >= 0) start++;
    while (end > start && chars.indexOf(text.charAt(end - 1)) >= 0) end--;
    return text.slice(start, end);
  }

  // --- 1. the document ----------------------------------------------------------------------

  function readDocument(table, document) {
    var texts = table.texts;
    if (!isObject(document)) return [{}, {}, [texts.problem_not_answers]];
    var answers = document, meeting = {}, problems = [];
    if (has(document, "format")) {
      if (document.format !== DOCUMENT_FORMAT || !isObject(document.answers)) return [{}, {}, [texts.problem_not_answers]];
      var version = document.version;
      if (!isInt(version) || version < 1 || version > DOCUMENT_VERSION) {
        return [{}, {}, [fill(texts.problem_version, { version: show(version === undefined ? null : version), supported: DOCUMENT_VERSION })]];
      }
      answers = document.answers;
      var given = isObject(document.meeting) ? document.meeting : {};
      MEETING_FIELDS.forEach(function (pair) {
        var value = has(given, pair[0]) ? given[pair[0]] : null;
        if (value === null || value === undefined || value === "") return;
        if (isString(value)) {
          if (value.trim()) meeting[pair[0]] = value.trim();
        } else {
          problems.push(fill(texts.problem_meeting, { field: texts[pair[1]] }));
        }
      });
    }
    var byId = {}, order = [];
    table.items.forEach(function (item) { byId[item.id] = item; order.push(item.id); });
    var checked = {};
    Object.keys(answers).forEach(function (key) {
      var raw = answers[key];
      if (!has(byId, key)) {
        var near = closest(normalise(key), order);
        var hint = near ? fill(texts.problem_hint, { closest: near }) : "";
        problems.push(fill(texts.problem_unknown_item, { item: show(key), hint: hint }));
        return;
      }
      var result = checkAnswer(table, byId[key], raw);
      if (result[1]) problems.push(result[1]);
      else if (result[0] !== null) checked[key] = result[0];
    });
    var ordered = {};
    order.forEach(function (key) { if (has(checked, key)) ordered[key] = checked[key]; });
    return [ordered, meeting, problems];
  }

  function checkAnswer(table, item, raw) {
    var texts = table.texts;
    if (raw === null || raw === undefined || raw === "" || (Array.isArray(raw) && raw.length === 0)) return [null, null];
    var kind = item.kind, question = item.question;
    if (kind === "yes_no") {
      var word = null;
      if (typeof raw === "boolean") word = raw ? "ja" : "nee";
      else if (isString(raw) && has(ANSWER_WORDS, normalise(raw))) word = ANSWER_WORDS[normalise(raw)];
      if (word === null) return [null, fill(texts.problem_yes_no, { question: question, value: show(raw) })];
      return [word, null];
    }
    if (kind === "single_choice" || kind === "multiple_choice") {
      var valid = item.options.map(function (option) { return option[0]; });
      var options = valid.join(", ");
      if (kind === "single_choice") {
        if (!isString(raw)) return [null, fill(texts.problem_one_option, { question: question, options: options })];
        if (!includes(valid, normalise(raw))) return [null, fill(texts.problem_option, { question: question, value: show(raw), options: options })];
        return [normalise(raw), null];
      }
      var values = isString(raw) ? [raw] : raw;
      if (!Array.isArray(values) || !values.every(isString)) {
        return [null, fill(texts.problem_option, { question: question, value: show(raw), options: options })];
      }
      var bad = values.filter(function (v) { return !includes(valid, normalise(v)); });
      if (bad.length) return [null, fill(texts.problem_option, { question: question, value: show(bad.join(", ")), options: options })];
      var result = [];
      values.forEach(function (v) { if (!includes(result, normalise(v))) result.push(normalise(v)); });
      return [result, null];
    }
    if (kind === "scale") {
      var scale = item.scale, number = null;
      if (isInt(raw)) number = raw;
      else if (isString(raw) && /^\s*-?[0-9]+\s*$/.test(raw)) number = parseInt(raw, 10);
      if (number === null || number < scale.min || number > scale.max) {
        return [null, fill(texts.problem_scale, { question: question, value: show(raw), min: scale.min, low: scale.low, max: scale.max, high: scale.high })];
      }
      return [number, null];
    }
    if (isNumber(raw)) return [formatNumber(raw), null];
    if (Array.isArray(raw) && raw.every(isString)) {
      var lines = raw.map(function (v) { return v.trim(); }).filter(function (v) { return v; });
      return [lines.join("\n") || null, null];
    }
    if (!isString(raw)) return [null, fill(texts.problem_text, { question: question })];
    return [raw.trim() || null, null];
  }

  // --- 2. the situation ---------------------------------------------------------------------

  function emptySituation() {
    var situation = { phase: null, budget: null, existing: [], judgements: {}, first: {}, policy: {} };
    LIST_FIELDS.forEach(function (field) { situation[field] = []; });
    return situation;
  }

  function situationFromAnswers(table, answers) {
    var situation = emptySituation();
    table.items.forEach(function (item) {
      var answer = has(answers, item.id) ? answers[item.id] : null;
      var feeds = item.feeds;
      if (answer === null || answer === undefined || feeds === "verslag") return;
      if (has(JUDGED, feeds)) {
        situation[JUDGED[feeds]][item.about] = answer;
      } else if (feeds === "phase" || feeds === "budget") {
        if (situation[feeds] === null) situation[feeds] = answer;
      } else if (feeds === "existing") {
        String(answer).split(/[\n;,]+/).forEach(function (part) {
          var entry = stripChars(part, " -*\t");
          if (entry && !includes(situation.existing, entry)) situation.existing.push(entry);
        });
      } else {
        answer.forEach(function (value) { if (!includes(situation[feeds], value)) situation[feeds].push(value); });
      }
    });
    return situation;
  }

  // --- 3. the advice ------------------------------------------------------------------------

  function valueLabel(table, field, value) {
    var labels = table.labels[field];
    return has(labels, value) ? labels[value] : value;
  }

  function fitDirections(table, situation) {
    var fits = {};
    table.directions.forEach(function (d) { fits[d.id] = { fit: 0, values: [], why: "", weight: 0 }; });
    table.fit.forEach(function (ruleSet) {
      var field = ruleSet.field;
      table.directions.forEach(function (direction) {
        var best = null;
        situation[field].forEach(function (value) {
          var rules = has(ruleSet.rules, value) ? ruleSet.rules[value] : {};
          var rule = has(rules, direction.id) ? rules[direction.id] : null;
          if (rule !== null && (best === null || rule[0] > best[1])) best = [value, rule[0], rule[1]];
        });
        if (best === null) return;
        var entry = fits[direction.id];
        entry.fit += best[1];
        var label = valueLabel(table, field, best[0]);
        entry.values.push(label + " (" + table.texts["field_" + field] + ")");
        if (best[1] > entry.weight) { entry.weight = best[1]; entry.why = label + " " + best[2]; }
      });
    });
    return fits;
  }

  function advise(table, situation, limit) {
    var texts = table.texts, model = table.model, word = texts.and;
    var titles = {};
    table.directions.forEach(function (d) { titles[d.id] = d.short; });
    var phase = situation.phase;
    var order = phase && has(model.phases, phase) ? model.phases[phase] : null;
    var phaseLabel = phase ? valueLabel(table, "phase", phase) : "";
    var fits = fitDirections(table, situation);
    var top = Math.max.apply(null, Object.keys(fits).map(function (d) { return fits[d].fit; }));
    var thresholds = model.fit;
    var held = {};
    if (order) order.later.forEach(function (h) { held[h.direction] = h.why; });
    var prefer = order ? order.prefer : table.directions.map(function (d) { return d.id; });

    var plan = [], later = [], declined = [];
    table.directions.forEach(function (direction) {
      var d = direction.id, entry = fits[d], fit = entry.fit;
      var suggested = fit >= thresholds.suggest_min && fit * 100 >= thresholds.suggest_share * top;
      var strong = suggested && fit * 100 >= thresholds.strong_share * top;
      var values = join(entry.values, word);
      var because = fill(texts.direction_suggested, { values: values, why: entry.why ? sentence(entry.why) : "" }).trim();
      var judgement = has(situation.judgements, d) ? situation.judgements[d] : null;
      if (judgement === "nee") {
        var text = strong ? fill(texts.direction_declined_strong, { direction: titles[d], values: values }) : texts.direction_declined;
        declined.push({ id: d, title: titles[d], fit: fit, kind: "direction", reason: text });
      } else if (has(held, d)) {
        var key = judgement === "ja" ? "direction_later_chosen" : "direction_later";
        later.push({ id: d, title: titles[d], fit: fit, reason: fill(texts[key], { why: clause(held[d]) }), why: held[d] });
      } else if (judgement === "ja") {
        plan.push({ id: d, title: titles[d], fit: fit, source: suggested ? "both" : "meeting",
          reason: suggested ? texts.direction_chosen + " " + because : texts.direction_chosen_only, values: suggested ? values : "" });
      } else if (suggested) {
        plan.push({ id: d, title: titles[d], fit: fit, source: "analysis", reason: because, values: values });
      }
    });
    plan.sort(function (a, b) { return (b.fit - a.fit) || (prefer.indexOf(a.id) - prefer.indexOf(b.id)); });

    var first = [], firstIds = [], steps = {};
    model.first_steps.forEach(function (step) { steps[step.id] = step; });
    (order ? order.first : []).forEach(function (stepId) {
      var choice = has(situation.first, stepId) ? situation.first[stepId] : null;
      var step = steps[stepId];
      if (choice === "nee") {
        declined.push({ id: stepId, title: step.title, fit: 0, kind: "step", reason: fill(texts.first_declined, { phase: phaseLabel }) });
        return;
      }
      var reason = fill(texts.first_phase, { phase: phaseLabel }) + (choice === "ja" ? " " + texts.first_chosen : "");
      first.push({ id: stepId, title: step.title, text: step.text, reason: reason });
      firstIds.push(stepId);
    });
    model.first_steps.forEach(function (step) {
      if (situation.first[step.id] === "ja" && !includes(firstIds, step.id)) {
        first.push({ id: step.id, title: step.title, text: step.text, reason: texts.first_chosen });
      }
    });

    var running = matchRunning(table, situation.existing);
    var inPlace = running.filter(function (r) { return r.example; }).map(function (r) { return r.example; });
    var excluded = Object.keys(held).concat(declined.filter(function (d) { return d.kind === "direction"; }).map(function (d) { return d.id; }));
    var ranked = rankExamples(table, situation, plan.map(function (p) { return p.id; }), excluded, inPlace);
    var shown = ranked.slice(0, limit || model.examples.limit);
    var unknown = shown.filter(function (e) { return e.open; }).length;
    var planIds = plan.map(function (p) { return p.id; });
    var examples = shown.map(function (e) { return shownExample(table, e, planIds); });
    var caveat = unknown ? fill(texts.caveat_general, { count: unknown }) : "";
    var gaps = findGaps(table, situation, plan, ranked, running);

    var advice = {
      situation: situation,
      note: order ? order.note : "",
      first: first,
      directions: plan.map(function (p) { return { id: p.id, title: p.title, fit: p.fit, source: p.source, reason: p.reason }; }),
      later: later,
      declined: declined,
      examples: examples,
      caveat: caveat,
      gaps: gaps,
      running: running
    };
    advice.summary = summarise(table, situation, first, plan, later, gaps, declined.some(function (d) { return d.kind === "direction"; }));
    advice.headline = headline(table, first, plan);
    return advice;
  }

  function rankExamples(table, situation, plan, excluded, inPlace) {
    var weights = table.model.examples, texts = table.texts;
    var budgetOrder = table.budget_order;
    var budget = situation.budget !== null ? budgetOrder.indexOf(situation.budget) : -1;
    var phase = situation.phase;
    var wanted = {};
    Object.keys(weights.core).forEach(function (field) {
      var generic = has(weights.generic, field) ? weights.generic[field] : [];
      wanted[field] = situation[field].filter(function (v) { return !includes(generic, v); });
    });
    var partners = situation.partners;
    var lines = weights.skip_other_dividing_lines ? situation.dividing_lines : [];
    var scored = [];
    table.examples.forEach(function (e) {
      if ((phase && !includes(e.phases, phase)) || includes(excluded, e.direction) || includes(inPlace, e.id)) return;
      if (lines.length && e.dividing_lines.length && !lines.some(function (v) { return includes(e.dividing_lines, v); })) return;
      var core = 0, matched = [];
      Object.keys(weights.core).forEach(function (field) {
        var hits = wanted[field].filter(function (v) { return includes(e[field], v); }).slice(0, weights.cap);
        core += weights.core[field] * hits.length;
        hits.forEach(function (v) { matched.push([field, v]); });
      });
      if (core === 0) return;
      var score = core + weights.place * situation.locations.filter(function (v) { return includes(e.locations, v); }).slice(0, weights.cap).length;
      if (plan.length && e.direction === plan[0]) score += weights.plan_first;
      else if (includes(plan, e.direction)) score += weights.plan;
      else if (e.secondary.some(function (s) { return includes(plan, s); })) score += weights.secondary;
      score += weights.partner * Math.min(weights.partner_cap, partners.filter(function (p) { return includes(e.partners, p); }).length);
      var caveats = [];
      if (budget >= 0 && e.cost !== null) {
        if (budgetOrder.indexOf(e.cost) <= budget) score += weights.within_budget;
        else { score += weights.over_budget; caveats.push(texts.example_over_budget); }
      }
      if (e.rated) score += weights.rated;
      score += has(weights.effect, e.effect) ? weights.effect[e.effect] : 0;
      if (e.effect === "geen-effect") caveats.push(texts.example_no_effect);
      else if (e.effect === "negatief") caveats.push(texts.example_negative);
      scored.push({ id: e.id, title: e.title, direction: e.direction, score: score, matched: matched, caveats: caveats,
        open: e.cost === null || !e.rated });
    });
    scored.sort(function (a, b) { return (b.score - a.score) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
    return scored;
  }

  function shownExample(table, entry, plan) {
    var texts = table.texts, titles = {};
    table.directions.forEach(function (d) { titles[d.id] = d.short; });
    var core = join(entry.matched.map(function (pair) { return valueLabel(table, pair[0], pair[1]); }), texts.and);
    var inPlan = includes(plan, entry.direction) ? texts.example_in_plan : "";
    var reason = fill(texts.example_reason, { core: core, direction: titles[entry.direction], plan: inPlan });
    return { id: entry.id, title: entry.title, direction: entry.direction, score: entry.score, reason: reason, caveats: entry.caveats };
  }

  function matchRunning(table, entries) {
    var texts = table.texts, titles = {};
    table.directions.forEach(function (d) { titles[d.id] = d.short; });
    return entries.map(function (entry) {
      var key = normalise(entry);
      if (!has(table.running, key)) return { entry: entry, example: null, directions: [], text: fill(texts.running_unknown, { entry: entry }) };
      var found = table.running[key];
      if (found.example !== null) {
        return { entry: entry, example: found.example, directions: found.directions.slice(), text: fill(texts.running_example, { entry: entry, title: found.title }) };
      }
      var text = fill(texts.running_name, { entry: entry, directions: join(found.directions.map(function (d) { return titles[d]; }), texts.and) });
      return { entry: entry, example: null, directions: found.directions.slice(), text: text };
    });
  }

  function findGaps(table, situation, plan, ranked, running) {
    var texts = table.texts, model = table.model;
    if (!Object.keys(situation.policy).length && !situation.existing.length) return { status: "pending", text: texts.gaps_pending, items: [] };
    var covered = [];
    running.forEach(function (r) { r.directions.forEach(function (d) { covered.push(d); }); });
    var items = [];
    plan.forEach(function (direction) {
      var answer = has(situation.policy, direction.id) ? situation.policy[direction.id] : null;
      if (answer === "ja" || includes(covered, direction.id)) return;
      var key = answer === "nee" ? "gap_direction" : "gap_direction_unknown";
      var fillers = ranked.filter(function (e) { return e.direction === direction.id; }).slice(0, model.examples.per_gap).map(function (e) { return e.id; });
      items.push({ id: direction.id, title: direction.title, status: answer === "nee" ? "nee" : "onbekend",
        reason: fill(texts[key], { direction: direction.title }), examples: fillers });
    });
    model.policy_topics.forEach(function (topic) {
      if (situation.policy[topic.id] === "nee") {
        items.push({ id: topic.id, title: topic.title, status: "nee", reason: fill(texts.gap_topic, { topic: topic.title }), examples: topic.examples.slice() });
      }
    });
    return { status: "done", text: items.length ? "" : texts.gaps_none, items: items };
  }

  function answered(situation) {
    return Boolean(situation.phase || situation.budget || situation.existing.length || Object.keys(situation.judgements).length ||
      Object.keys(situation.first).length || Object.keys(situation.policy).length ||
      LIST_FIELDS.some(function (field) { return situation[field].length; }));
  }

  function summarise(table, situation, first, plan, later, gaps, declined) {
    var texts = table.texts, word = texts.and;
    if (!answered(situation)) return texts.summary_empty;
    var parts = [];
    if (first.length) parts.push(fill(texts.summary_first, { steps: join(first.map(function (f) { return lowerFirst(f.title); }), word) }));
    if (plan.length) {
      var directions = join(plan.map(function (p) { return p.title; }), word);
      if (plan[0].values) parts.push(fill(texts.summary_plan, { directions: directions, top: plan[0].title, values: plan[0].values }));
      else parts.push(fill(texts.summary_plan_chosen, { directions: directions }));
    } else if (declined) {
      parts.push(texts.summary_plan_declined);
    } else {
      parts.push(texts.summary_plan_none);
    }
    if (later.length) parts.push(fill(texts.summary_later, { directions: join(later.map(function (h) { return h.title; }), word), why: clause(later[0].why) }));
    if (gaps.status === "pending") parts.push(texts.summary_gaps_pending);
    else if (gaps.items.length) parts.push(fill(texts.summary_gaps, { directions: join(gaps.items.map(function (g) { return g.title; }), word) }));
    else parts.push(texts.gaps_none);
    return parts.join(" ");
  }

  function headline(table, first, plan) {
    var texts = table.texts, word = texts.and;
    var directions = plan.length ? join(plan.map(function (p) { return p.title; }), word) : texts.headline_none;
    if (first.length) return fill(texts.headline, { first: join(first.map(function (f) { return lowerFirst(f.title); }), word), plan: directions });
    return fill(texts.headline_no_first, { plan: directions });
  }

  // --- 4. the verslag -----------------------------------------------------------------------

  function formatAnswer(table, item, answer) {
    var texts = table.texts;
    if (item.kind === "yes_no") return texts[answer === "ja" ? "answer_yes" : answer === "nee" ? "answer_no" : "answer_unknown"];
    if (item.kind === "single_choice" || item.kind === "multiple_choice") {
      var labels = {};
      item.options.forEach(function (o) { labels[o[0]] = o[1]; });
      var values = Array.isArray(answer) ? answer : [answer];
      return values.map(function (v) { return has(labels, v) ? labels[v] : v; }).join(", ");
    }
    return String(answer).split("\n").join("; ");
  }

  function report(table, advice, answers, meeting) {
    var texts = table.texts, names = {};
    table.examples.forEach(function (e) { names[e.id] = e.title; });
    var header = MEETING_FIELDS.map(function (pair) {
      var value = has(meeting, pair[0]) ? meeting[pair[0]] : "";
      var shown = value ? (pair[0] === "datum" ? dutchDate(table, value) : value) : texts.not_filled;
      return texts[pair[1]] + ": " + shown;
    });
    var none = [texts.report_none];
    function lines(list, format) { return list.length ? list.map(format) : none; }
    var sections = [
      { heading: texts.report_summary, lines: [advice.summary] },
      { heading: texts.report_first, lines: lines(advice.first, function (f) { return f.title + ": " + f.text + " " + f.reason; }) },
      { heading: texts.report_plan, lines: lines(advice.directions, function (d) { return d.title + ": " + d.reason; }) }
    ];
    if (advice.later.length) sections.push({ heading: texts.report_later, lines: lines(advice.later, function (d) { return d.title + ": " + d.reason; }) });
    if (advice.declined.length) sections.push({ heading: texts.report_declined, lines: lines(advice.declined, function (d) { return d.title + ": " + d.reason; }) });
    var exampleLines = advice.examples.map(function (e) { return [e.title + ": " + e.reason].concat(e.caveats).join(" "); });
    if (advice.caveat) exampleLines.push(advice.caveat);
    sections.push({ heading: texts.report_examples, lines: exampleLines.length ? exampleLines : none });
    var gaps = advice.gaps;
    var gapLines = gaps.items.map(function (g) {
      return g.reason + (g.examples.length ? " " + fill(texts.gap_fill, { examples: join(g.examples.map(function (x) { return has(names, x) ? names[x] : x; }), texts.and) }) : "");
    });
    sections.push({ heading: texts.report_gaps, lines: gapLines.length ? gapLines : [gaps.text] });
    if (advice.running.length) sections.push({ heading: texts.report_running, lines: advice.running.map(function (r) { return r.text; }) });
    var answerLines = [];
    table.items.forEach(function (item) {
      if (has(answers, item.id)) answerLines.push(item.question + " " + formatAnswer(table, item, answers[item.id]));
    });
    sections.push({ heading: texts.report_answers, lines: answerLines.length ? answerLines : none });
    return { title: texts.report_title, meeting: header, sections: sections };
  }

  function evaluate(table, document) {
    var read = readDocument(table, document);
    var answers = read[0], meeting = read[1];
    var situation = situationFromAnswers(table, answers);
    var advice = advise(table, situation);
    advice.problems = read[2];
    advice.answers = answers;
    advice.meeting = meeting;
    advice.report = report(table, advice, answers, meeting);
    return advice;
  }

  return {
    DOCUMENT_FORMAT: DOCUMENT_FORMAT,
    DOCUMENT_VERSION: DOCUMENT_VERSION,
    readDocument: readDocument,
    checkAnswer: checkAnswer,
    situationFromAnswers: situationFromAnswers,
    advise: advise,
    report: report,
    evaluate: evaluate,
    normalise: normalise
  };
})();

if (typeof module === "object" && module.exports) { module.exports = bv.advice; }
