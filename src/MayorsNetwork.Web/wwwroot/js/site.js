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
        show([first, "Bracket: " + q.bracket + ". " + q.formula + "."]);
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
