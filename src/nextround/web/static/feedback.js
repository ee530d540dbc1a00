// nextround: the "Copy" buttons of drafts (feedback requests, and the notes on Today) and of a coach's invitation link. Without JavaScript they stay hidden; the text can be
// selected by hand in its read-only box.
(function () {
  "use strict";
  if (window.nextroundFeedbackCopy) { return; }
  window.nextroundFeedbackCopy = true;

  function reveal(root) {
    var buttons = (root || document).querySelectorAll("[data-copy]");
    for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = false; }
  }

  function say(button, text) {
    var row = button.parentNode;
    var status = row && row.querySelector(".fb-copied");
    if (status) { status.textContent = text; }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) { return; }
    var box = document.getElementById(button.getAttribute("data-copy"));
    if (!box) { return; }
    // A draft is a read-only box; the invitation link is plain text on the page.
    var text = "value" in box ? box.value : box.textContent.trim();
    function fallback() {
      if (box.select) {
        box.focus();
        box.select();
      } else {
        window.getSelection().selectAllChildren(box);
      }
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      say(button, ok ? "Copied." : "Select the text and copy it with Ctrl+C.");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { say(button, "Copied."); }, fallback);
    } else {
      fallback();
    }
  });

  document.addEventListener("htmx:load", function (event) { reveal(event.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  } else {
    reveal(document);
  }
})();
