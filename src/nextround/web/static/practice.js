// nextround practice page: send the timer's reading with the answer (seconds), when the timer was used; and
// ask before leaving the page while a typed answer is not saved yet (typed and not sent, or waiting on the
// follow-up question): the answer lives only in the page until then.
(function () {
  "use strict";
  var savedText = "";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || form.id !== "answer-form") { return; }
    var output = document.getElementById("timer-value");
    var field = document.getElementById("duration-seconds");
    if (!output || !field) { return; }
    var parts = output.textContent.split(":");
    var seconds = parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10);
    field.value = seconds > 0 ? String(seconds) : "";
  }, true);
  var sending = false;
  // The analysis part says when the answer was stored ("Saved to your practice history").
  function noteSaved() {
    var answer = document.getElementById("answer");
    if (answer && document.getElementById("saved-note")) { savedText = answer.value; }
  }
  document.addEventListener("DOMContentLoaded", noteSaved);
  document.addEventListener("htmx:afterSwap", noteSaved);
  // Sent as a whole page (htmx did not take it): that is the answer being saved, not lost.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form && !event.defaultPrevented && (form.id === "answer-form" || form.id === "follow-up-form")) {
      sending = true;
    }
  });
  window.addEventListener("beforeunload", function (event) {
    var answer = document.getElementById("answer");
    if (sending || !answer || !answer.value.trim() || answer.value === savedText) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
  // After a first answer the session is known only to this page (#session-id): a link to another question,
  // or the kind/role/skill filters, carry it, so one sitting stays one session instead of one per question.
  function sessionId() {
    var field = document.getElementById("session-id");
    return field && field.value ? field.value : "";
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target instanceof Element ? target.closest("a[href^='/practice?']") : null;
    var id = sessionId();
    if (!link || !id) { return; }
    var url = new URL(link.getAttribute("href"), window.location.href);
    if (url.searchParams.has("question") && !url.searchParams.has("session")) {
      url.searchParams.set("session", id);
      link.setAttribute("href", url.pathname + url.search);
    }
  }, true);
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var id = sessionId();
    if (!form || !id || !form.classList.contains("filters") || form.querySelector("input[name='session']")) { return; }
    var carried = document.createElement("input");
    carried.type = "hidden";
    carried.name = "session";
    carried.value = id;
    form.appendChild(carried);
  }, true);
})();
