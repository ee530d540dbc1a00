// nextround: what is typed in a long text box (a journal entry, a reflection, an answer, feedback) is kept in
// this browser until it is sent, so a session that ended, a closed tab or a lost connection loses nothing.
// Drafts live in localStorage, one per account, page and box; a page shows only the signed-in person's
// (body[data-drafts]). A draft goes when its form is sent and the next page shows no problem with it.
(function () {
  "use strict";

  var PREFIX = "nextround.draft|";
  var SENT = "nextround.sent";  // sessionStorage: the drafts of the form this tab just sent, and from where
  var MAX_AGE = 14 * 24 * 3600 * 1000;  // as long as a session lasts
  var MAX_CHARS = 200000;
  var account = document.body.getAttribute("data-drafts") || "";
  var store, tab;
  try {
    store = window.localStorage;
    tab = window.sessionStorage;
    store.getItem(PREFIX);
  } catch (e) {
    return;  // storage switched off: the page works as it does without JavaScript
  }

  function read(storage, key) {
    try { return JSON.parse(storage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write(storage, key, value) {
    try { storage.setItem(key, JSON.stringify(value)); } catch (e) { /* full: nothing better to do */ }
  }

  function formOf(box) { return box.form || box.closest("form"); }
  function tracked(box) {
    if (!box || box.tagName !== "TEXTAREA" || box.readOnly || box.disabled || box.hasAttribute("data-no-draft")) {
      return false;
    }
    var form = formOf(box);
    return !!form && (form.method.toLowerCase() === "post" || form.hasAttribute("hx-post"));
  }
  // The page (its path), the form (where it is sent) and the box; data-draft-key tells one question's
  // answer from another's on the same page.
  function keyOf(box) {
    var form = formOf(box);
    var target = form.getAttribute("hx-post") || form.getAttribute("action") || "";
    var name = box.id || box.name;
    if (box.hasAttribute("data-draft-key")) { name += "#" + box.getAttribute("data-draft-key"); }
    return PREFIX + account + "|" + window.location.pathname + "|" + target + "|" + name;
  }
  function boxesIn(root) {
    var found = [];
    if (root.tagName === "TEXTAREA") { found.push(root); }
    root.querySelectorAll && root.querySelectorAll("textarea").forEach(function (box) { found.push(box); });
    return found.filter(tracked);
  }

  // The drafts a form settles when it is sent: its own boxes, and those it names in data-draft-also (ids: the
  // practice follow-up form sends the answer typed in the box above it).
  function sentWith(form) {
    var boxes = boxesIn(form);
    (form.getAttribute("data-draft-also") || "").split(/\s+/).forEach(function (id) {
      var box = id && document.getElementById(id);
      if (box && tracked(box)) { boxes.push(box); }
    });
    return boxes.map(keyOf);
  }

  function forget(key) { try { store.removeItem(key); } catch (e) { /* nothing kept */ } }

  // Older drafts go (a shared computer does not keep anyone's words for ever).
  function prune() {
    var now = Date.now(), old = [];
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        var draft = read(store, key);
        if (!draft || !(now - draft.at < MAX_AGE)) { old.push(key); }
      }
    }
    old.forEach(forget);
  }

  function save(box) {
    var key = keyOf(box), text = box.value;
    if (!text.trim() || text === box.defaultValue || text.length > MAX_CHARS) { forget(key); return; }
    write(store, key, { text: text, at: Date.now() });
  }

  function noteFor(box, key) {
    var note = document.createElement("p");
    note.className = "draft-note";
    note.setAttribute("role", "status");
    note.textContent = "Draft restored: what you typed here before was not sent yet. ";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "small secondary";
    discard.textContent = "Discard the draft";
    if (box.labels && box.labels[0]) {  // several boxes on a page: say which (the visible words first)
      discard.setAttribute("aria-label", "Discard the draft: " + box.labels[0].textContent.trim());
    }
    discard.addEventListener("click", function () {
      box.value = box.defaultValue;
      forget(key);
      note.remove();
      box.focus();
    });
    note.appendChild(discard);
    box.insertAdjacentElement("afterend", note);
  }

  // Put a kept draft back into a box that still shows what the server sent (nothing typed over it yet).
  function restore(root) {
    if (!account) { return; }
    boxesIn(root).forEach(function (box) {
      var key = keyOf(box), draft = read(store, key);
      if (!draft || typeof draft.text !== "string") { return; }
      if (draft.text === box.value) { return; }
      if (box.value !== box.defaultValue) { return; }
      var next = box.nextElementSibling;
      if (next && next.classList.contains("draft-note")) { return; }
      box.value = draft.text;
      noteFor(box, key);
    });
  }

  // A form this tab sent: its drafts go once the page it led to is not a refusal (body[data-status] is the
  // page's HTTP status: 422 with the form again, an error page) and not the sign-in page. The sign-in page
  // brings the person back to the page the form was on, where the draft is waiting.
  function settleSent() {
    var sent = read(tab, SENT);
    try { tab.removeItem(SENT); } catch (e) { /* nothing kept */ }
    if (!sent || !(Date.now() - sent.at < 10 * 60 * 1000) || !Array.isArray(sent.keys)) { return; }
    var next = document.querySelector("form[action='/sign-in'] input[name=next]");
    if (!account) {
      if (next && typeof sent.page === "string" && sent.page.charAt(0) === "/" && sent.page.charAt(1) !== "/") {
        next.value = sent.page;
      }
      return;
    }
    if (Number(document.body.getAttribute("data-status") || "200") < 400) { sent.keys.forEach(forget); }
  }

  document.addEventListener("input", function (event) {
    if (account && tracked(event.target)) { save(event.target); }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!account || !form || form.tagName !== "FORM") { return; }
    if (form.getAttribute("action") === "/sign-out") {
      // Signing out on a shared computer leaves none of this person's words behind.
      var mine = [];
      for (var i = 0; i < store.length; i++) {
        var key = store.key(i);
        if (key && key.indexOf(PREFIX + account + "|") === 0) { mine.push(key); }
      }
      mine.forEach(forget);
      return;
    }
    if (form.hasAttribute("hx-post") || form.method.toLowerCase() !== "post") { return; }  // HTMX: see beforeSwap
    // Remembered for the next page, even with no box: a sign-in page then leads back here.
    write(tab, SENT, { keys: sentWith(form), at: Date.now(), page: window.location.pathname + window.location.search });
  });

  // A form sent in place: its drafts go once the server took it (2xx), checked before the answer is swapped in
  // (the form may be replaced, and events on a removed element reach no one). A refusal (422 with the form
  // again, an error) keeps them; a session that ended sends the browser to sign in (HX-Redirect), keeping them.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    var form = elt && (elt.tagName === "FORM" ? elt : elt.closest && elt.closest("form"));
    if (account && form && event.detail.requestConfig && event.detail.requestConfig.verb === "post") {
      elt.nextroundDrafts = sentWith(form);
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail || {}, elt = detail.requestConfig && detail.requestConfig.elt;
    if (!elt || !elt.nextroundDrafts || !detail.xhr) { return; }
    var kept = detail.xhr.getResponseHeader("X-Nextround-Draft") === "keep";  // taken, not saved yet
    if (detail.xhr.status >= 200 && detail.xhr.status < 300 && !kept) { elt.nextroundDrafts.forEach(forget); }
    elt.nextroundDrafts = null;
  });
  // A part of the page swapped in (the form again, a new reply box) may hold a box with a kept draft.
  document.addEventListener("htmx:load", function (event) { if (event.detail && event.detail.elt) { restore(event.detail.elt); } });

  function setUp() { prune(); settleSent(); restore(document.body); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
