// nextround: small enhancements on top of pages that work without JavaScript.
(function () {
  "use strict";

  // The phone menu is a <details>: it works without JavaScript; with it, its button also says whether it is open.
  document.querySelectorAll("details.nav-menu").forEach(function (menu) {
    var button = menu.querySelector("summary");
    function sync() { button.setAttribute("aria-expanded", menu.open ? "true" : "false"); }
    sync();
    menu.addEventListener("toggle", sync);
  });

  // A date field's calendar writes its choice into the words box beside it (the server reads either).
  document.addEventListener("change", function (event) {
    var picker = event.target;
    if (!picker.matches || !picker.matches("input[data-date-for]")) { return; }
    var box = document.getElementById(picker.getAttribute("data-date-for"));
    if (box && picker.value) { box.value = picker.value.replace("T", " "); }
  });

  // Keep keyboard focus where it was after HTMX replaces a part of the page (the board after a move).
  document.addEventListener("htmx:afterSwap", function () {
    var target = document.querySelector("[data-autofocus]");
    if (target) { target.focus(); }
  });

  // Where a message about a refused in-place request goes: just before the form that sent it, where the user
  // is looking (the page's #messages box may be a long way up), else that box.
  function problemBox(source) {
    var form = source && source.closest ? source.closest("form") : null;
    if (!form || !form.parentNode) { return document.getElementById("messages"); }
    var box = form.previousElementSibling;
    if (!box || !box.classList.contains("request-problem")) {
      box = document.createElement("div");
      box.className = "request-problem";
      form.parentNode.insertBefore(box, form);
    }
    return box;
  }

  // Errors from HTMX requests: show the server's message instead of silently doing nothing. A form the server
  // sends back with its problems marked (422 without the X-Nextround-Error header) replaces the form as usual.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    if (detail.xhr && detail.xhr.status >= 400) {
      var isAnalysis = detail.target && detail.target.id === "analysis";
      var formAgain = detail.xhr.status === 422 && !detail.xhr.getResponseHeader("X-Nextround-Error");
      if (!isAnalysis && !formAgain) {
        detail.target = problemBox(detail.requestConfig && detail.requestConfig.elt);
        detail.swapOverride = "innerHTML";
      }
      detail.shouldSwap = true;
      detail.isError = false;
    }
  });

  // After an answer is analysed, move focus to the result so screen readers and keyboards follow.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.id === "analysis") {
      // outerHTML swaps replace the element: focus the new one, found again by its id.
      var fresh = document.getElementById("analysis");
      if (fresh) { fresh.focus(); }
    }
  });

  // A form that replaces its own part of the page (the feedback section after Draft, Record or Mark sent) takes
  // the focused button with it: focus falls to <body> and the next Tab starts again at the top of the page.
  // Put focus on what the swap says happened (its notice), else on the new part, so keyboards and screen
  // readers carry on from there. Only for a request sent from where focus was (a part loaded by itself never
  // pulls focus down the page); swaps that place focus themselves (the board, the analysis) are left alone.
  var sentFromFocus = new WeakSet();
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    var active = document.activeElement;
    if (elt && event.detail.xhr && active && active !== document.body && elt.contains(active)) {
      sentFromFocus.add(event.detail.xhr);
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.detail || !event.detail.xhr || !sentFromFocus.has(event.detail.xhr)) { return; }
    var active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) { return; }
    var target = event.detail.target;
    if (!target) { return; }
    var part = document.contains(target) ? target : (target.id ? document.getElementById(target.id) : null);
    if (!part) { return; }
    var where = part.querySelector(".alert[role=status], .alert[role=alert]") || part;
    if (!where.hasAttribute("tabindex")) { where.setAttribute("tabindex", "-1"); }
    where.focus();
  });

  // The optional answer timer on the practice page.
  function setUpTimer() {
    var box = document.querySelector("[data-timer]");
    if (!box) { return; }
    box.hidden = false;
    var output = box.querySelector("output");
    var started = null, elapsed = 0, tick = null;
    function show() {
      var total = Math.floor((elapsed + (started ? Date.now() - started : 0)) / 1000);
      output.textContent = Math.floor(total / 60) + ":" + String(total % 60).padStart(2, "0");
    }
    box.querySelector("[data-timer-start]").addEventListener("click", function () {
      if (started) { return; }
      started = Date.now();
      tick = window.setInterval(show, 250);
    });
    box.querySelector("[data-timer-stop]").addEventListener("click", function () {
      if (!started) { return; }
      elapsed += Date.now() - started;
      started = null;
      window.clearInterval(tick);
      show();
    });
    box.querySelector("[data-timer-reset]").addEventListener("click", function () {
      started = null; elapsed = 0;
      window.clearInterval(tick);
      show();
    });
  }
  // A form sent back with its problems: focus their summary, so keyboards and screen readers start there
  // (each problem in it links to its field).
  function focusProblems() {
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) { summary.focus(); }
  }
  // An error page's "Back to the page you were on": the browser's own Back, which keeps what was typed there.
  function offerWayBack() {
    var back = document.querySelector("[data-go-back]");
    if (!back || window.history.length < 2) { return; }
    back.hidden = false;
    back.addEventListener("click", function () { window.history.back(); });
  }
  // A long text (a pasted job advert, notes, a journal entry) scrolls in its own box; one that does is a tab stop,
  // so it can be scrolled from the keyboard. Short ones stay out of the tab order. Checked again when a part of
  // the page is swapped in and when a <details> opens (a closed one has no height to compare).
  function reachableScrollers() {
    document.querySelectorAll(".longtext:not([tabindex])").forEach(function (box) {
      if (box.scrollHeight > box.clientHeight + 1) { box.setAttribute("tabindex", "0"); }
    });
  }
  document.addEventListener("htmx:afterSettle", reachableScrollers);
  document.addEventListener("toggle", reachableScrollers, true);
  // A new account's time zone, when left empty, is this browser's: the day then starts where the person is,
  // not where the server is. Shown in the field, so it can be changed before the account is made.
  function suggestTimeZone() {
    var field = document.querySelector("form[data-new-account] input[name=time_zone]");
    if (!field || field.value || !window.Intl) { return; }
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) { field.value = zone; }
  }
  function setUp() { setUpTimer(); focusProblems(); offerWayBack(); reachableScrollers(); suggestTimeZone(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
