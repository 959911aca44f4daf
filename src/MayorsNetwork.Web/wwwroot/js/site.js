// Live dues preview on the application form. The form works without it: "Show my dues" posts back.
(function () {
  "use strict";
  var box = document.getElementById("dues-preview");
  var input = document.getElementById("Input_Population");
  var text = document.getElementById("dues-preview-text");
  if (!box || !input || !text) return;
  var url = box.getAttribute("data-quote-url");
  var timer = null;
  var latest = 0;

  function show(lines) {
    text.textContent = "";
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      text.appendChild(p);
    });
  }

  function update() {
    var value = input.value.trim();
    if (!value) { show(["Enter the population to see your dues before you apply."]); return; }
    var ticket = ++latest;
    fetch(url + (url.indexOf("?") < 0 ? "?" : "&") + "population=" + encodeURIComponent(value), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (q) {
        if (ticket !== latest) return;
        if (q.error) { show([q.error]); return; }
        var first = "First year: " + q.amount + (q.hasDiscount ? " (" + q.fullAmount + " less the new-member discount of " + q.discount + ")" : "") + ", fiscal year " + q.fiscalYear + ".";
        show([first, "Bracket: " + q.bracket + ". " + q.formula + ".", q.explanation]);
      })
      .catch(function () { /* keep the last figure; the button still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
})();

// Renewal run progress: polls the run's progress while it is running. Without script, "Refresh" works.
(function () {
  "use strict";
  document.querySelectorAll(".renewal-run[data-progress-url]").forEach(function (section) {
    var state = section.querySelector(".renewal-state");
    if (!state || state.textContent === "Completed") return;
    var bar = section.querySelector("progress");
    var count = section.querySelector(".renewal-count");
    var total = section.querySelector(".renewal-total");
    var url = section.getAttribute("data-progress-url");
    function poll() {
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (p) {
          bar.max = Math.max(p.total, 1);
          bar.value = p.issued;
          count.textContent = p.issued;
          total.textContent = p.total;
          state.textContent = p.completed ? "Completed" : "Running";
          if (!p.completed) setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 3000); });
    }
    setTimeout(poll, 1000);
  });
})();

// Live tally: while the vote is open, asks for the counts every second and updates the figures in place.
// Without script the page is complete as served, with a Refresh link.
(function () {
  "use strict";
  document.querySelectorAll(".live-tally[data-counts-url]").forEach(function (section) {
    if (section.getAttribute("data-open") !== "true") return;
    var url = section.getAttribute("data-counts-url");
    var every = parseInt(section.getAttribute("data-poll-ms"), 10) || 1000;
    function field(name) { return section.querySelector('[data-tally="' + name + '"]'); }
    function setText(name, text) { var el = field(name); if (el && el.textContent !== text) el.textContent = text; }
    function number(n) { return Number(n).toLocaleString("en-US"); }
    function show(c, asOf) {
      ["yes", "no", "abstain", "notVoted"].forEach(function (key) {
        setText(key, number(c[key]));
        var bar = section.querySelector('[data-tally-bar="' + key + '"]');
        if (bar) { bar.max = Math.max(1, c.electors); bar.value = c[key]; bar.textContent = c[key]; }
      });
      setText("turnout", c.turnout);
      setText("quorumText", c.quorumText);
      setText("asOf", asOf);
      if (!c.isOpen) {
        setText("state", "Closed");
        var note = field("closedNote");
        if (note) note.hidden = false;
        var refresh = field("refresh");
        if (refresh) refresh.hidden = true;
      }
    }
    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          show(data.counts, data.asOf);
          if (data.counts.isOpen) setTimeout(poll, every);
        })
        .catch(function () { setTimeout(poll, every * 3); });
    }
    setTimeout(poll, every);
  });
})();
