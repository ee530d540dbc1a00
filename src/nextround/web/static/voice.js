// Record an answer with the microphone (MediaRecorder) and send it to this computer's server. On the practice
// page it goes to /practice/voice with the answer form's fields and the analysis is shown in place; where the
// record button names a file input (data-into, as on the mock interview page), the recording fills that input
// and its form is submitted, as if the file had been chosen by hand.
(function () {
  "use strict";
  var recorder = null;
  var chunks = [];
  var started = 0;
  var ticking = null;

  function $(id) { return document.getElementById(id); }
  function say(text) { var out = $("record-status"); if (out) { out.textContent = text; } }

  function clock(ms) {
    var s = Math.round(ms / 1000);
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function mimeType() {
    var kinds = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];
    for (var i = 0; i < kinds.length; i++) {
      if (window.MediaRecorder && MediaRecorder.isTypeSupported(kinds[i])) { return kinds[i]; }
    }
    return "";
  }

  function suffix(type) {
    if (type.indexOf("ogg") >= 0) { return ".ogg"; }
    if (type.indexOf("mp4") >= 0) { return ".m4a"; }
    return ".webm";
  }

  function buttons(recording) {
    $("record-button").hidden = recording;
    $("stop-button").hidden = !recording;
    if (recording && $("resend-button")) { $("resend-button").hidden = true; }
    if (recording) { $("stop-button").focus(); } else { $("record-button").focus(); }
  }

  function show(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var fresh = holder.querySelector("#analysis");
    var old = $("analysis");
    if (fresh && old) { old.replaceWith(fresh); fresh.focus(); }
    var session = holder.querySelector("#session-id");
    if (session && $("session-id")) { $("session-id").value = session.value; }
  }

  function submitInto(input, blob, type) {
    var files = new DataTransfer();
    files.items.add(new File([blob], "answer" + suffix(type), { type: type }));
    input.files = files.files;
    say("Transcribing on this computer…");
    $("record-button").disabled = true;
    input.form.requestSubmit();
  }

  // The last recording that did not reach the server: kept in the page so "Send it again" loses nothing.
  var unsent = null;

  function upload(blob, type, name) {
    var into = $("record-button").getAttribute("data-into");
    if (into && $(into)) { submitInto($(into), blob, type); return; }
    var form = $("answer-form");
    var data = new FormData(form);
    data.delete("answer");
    data.append("audio", blob, name || "answer" + suffix(type));
    unsent = { blob: blob, type: type, name: name };
    say("Transcribing on this computer…");
    $("record-button").disabled = true;
    if ($("resend-button")) { $("resend-button").hidden = true; }
    fetch("/practice/voice", { method: "POST", body: data, headers: { "X-CSRF-Token": data.get("csrf_token") || "" } })
      .then(function (response) {
        return response.text().then(function (html) { return { ok: response.ok, status: response.status, html: html }; });
      })
      .then(function (reply) {
        var analysed = reply.html.indexOf('id="analysis"') >= 0;
        if (analysed) { show(reply.html); }
        if (reply.ok) { unsent = null; say("Done: the analysis is below."); return; }
        if (analysed) { say("The recording could not be used: the reason is below."); return; }
        failed("the server answered " + reply.status);
      })
      .catch(function () { failed("it did not reach the nextround server"); })
      .finally(function () { $("record-button").disabled = false; });
  }

  function failed(why) {
    say("Your recording was not analysed (" + why + "). It is still here: send it again, or record a new one.");
    if ($("resend-button")) { $("resend-button").hidden = false; }
  }

  function start() {
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      say("This browser cannot record here; type your answer instead.");
      return;
    }
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var type = mimeType();
      recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
      chunks = [];
      recorder.ondataavailable = function (event) { if (event.data && event.data.size) { chunks.push(event.data); } };
      recorder.onstop = function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        clearInterval(ticking);
        var used = recorder.mimeType || type || "audio/webm";
        upload(new Blob(chunks, { type: used }), used);
      };
      recorder.start(1000);
      started = Date.now();
      say("Recording… 0:00");
      ticking = setInterval(function () { say("Recording… " + clock(Date.now() - started)); }, 1000);
      buttons(true);
    }).catch(function () {
      say("The microphone could not be used (allow it in the browser, or type your answer).");
    });
  }

  function stop() {
    if (recorder && recorder.state !== "inactive") { recorder.stop(); }
    buttons(false);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (target.closest("[data-record]")) { start(); }
    if (target.closest("[data-stop]")) { stop(); }
    if (target.closest("[data-resend]") && unsent) { upload(unsent.blob, unsent.type, unsent.name); }
    if (target.closest("[data-send-file]")) {
      var chosen = $("voice-file") && $("voice-file").files[0];
      if (!chosen) { say("Choose a recording first."); return; }
      upload(chosen, chosen.type || "audio/webm", chosen.name);
    }
  });
  // A recording lives only in the page while it is being made, sent or waiting to be sent again: leaving asks.
  window.addEventListener("beforeunload", function (event) {
    if (!(recorder && recorder.state === "recording") && !unsent) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
})();
