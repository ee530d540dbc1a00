// nextround practice page: send the timer's reading with the answer (seconds), when the timer was used.
(function () {
  "use strict";
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
})();
