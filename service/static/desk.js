// Review desk: keyboard shortcuts, "select all" in the bulk table, report frame height.
// A static file on purpose: the pages' CSP allows scripts from this origin only, never inline.
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function interactive(target) {
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    return tag === "a" || tag === "button" || tag === "summary";
  }

  // Elements with data-key="t" (several keys: "n ArrowRight") are clicked by that key; elements with
  // data-focus-key="g" get the focus instead (the relabel search box).
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape" && document.activeElement && document.activeElement !== document.body) {
      document.activeElement.blur();
      return;
    }
    if (typing(event.target)) return;
    if ((event.key === "Enter" || event.key === " ") && interactive(event.target)) return;
    if (event.key === "?") {
      var help = document.getElementById("shortcut-help");
      if (help) help.hidden = !help.hidden;
      event.preventDefault();
      return;
    }
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    var focusTarget = document.querySelector('[data-focus-key~="' + key + '"]');
    if (focusTarget) {
      event.preventDefault();
      focusTarget.focus();
      return;
    }
    var target = document.querySelector('[data-key~="' + key + '"]');
    if (target && !target.disabled) {
      event.preventDefault();
      target.click();
    }
  });

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box && box.id === "select-all") {
      document.querySelectorAll('input[type=checkbox][name=item]').forEach(function (item) {
        item.checked = box.checked;
      });
    }
    if (box && box.matches && box.matches("select[data-autosubmit]")) {
      box.form.requestSubmit();
    }
  });

  // Several files chosen on the upload page: one upload per file (each becomes a batch), then the list.
  var uploadForm = document.getElementById("upload-form");
  if (uploadForm) {
    uploadForm.addEventListener("submit", function (event) {
      var input = document.getElementById("file");
      if (!input || input.files.length < 2 || !window.fetch) return;  // one file: the plain form post
      event.preventDefault();
      var status = document.getElementById("upload-status");
      var files = Array.prototype.slice.call(input.files);
      var failures = [];
      var sendNext = function (index) {
        if (index >= files.length) {
          if (failures.length) {
            status.textContent = "Gagal diunggah: " + failures.join(", ");
          } else {
            window.location.assign("/pages/batches");
          }
          return;
        }
        status.textContent = "Mengunggah " + (index + 1) + " dari " + files.length + ": " + files[index].name;
        var data = new FormData();
        data.append("csrf_token", uploadForm.elements.csrf_token.value);
        if (uploadForm.elements.opd) data.append("opd", uploadForm.elements.opd.value);
        data.append("file", files[index], files[index].name);
        fetch(uploadForm.action, { method: "POST", body: data, credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok || !/\/pages\/batches\/\d+/.test(response.url)) failures.push(files[index].name);
          })
          .catch(function () { failures.push(files[index].name); })
          .then(function () { sendNext(index + 1); });
      };
      sendNext(0);
    });
  }

  // The embedded gap report is same-origin: grow the frame to its content so the page scrolls once.
  document.querySelectorAll("iframe.report").forEach(function (frame) {
    frame.addEventListener("load", function () {
      try {
        var body = frame.contentDocument && frame.contentDocument.body;
        if (body) frame.style.height = Math.max(body.scrollHeight + 40, 400) + "px";
      } catch (e) { /* not same-origin: keep the default height */ }
    });
  });
})();
