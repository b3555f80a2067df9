// Keel's few browser helpers. No third-party scripts; nothing is loaded from the internet.
window.keel = {
  // Remembers the light/dark choice for a year; the server reads it so static pages match.
  setTheme: function (mode) {
    document.cookie = "keel.theme=" + (mode === "dark" ? "dark" : "light") + "; path=/; max-age=31536000; SameSite=Strict";
    document.body.classList.toggle("keel-dark", mode === "dark");
    document.body.classList.toggle("keel-light", mode !== "dark");
  },
  // Copies text; falls back to a hidden text area where the Clipboard API is unavailable (plain http).
  copy: async function (text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok;
  },
  // Submits a form by id (sign-out from the account menu).
  submit: function (id) {
    const form = document.getElementById(id);
    if (form) {
      form.submit();
    }
  },
  // Moves keyboard focus to the main content (the skip link).
  focusMain: function () {
    const main = document.getElementById("main-content");
    if (main) {
      main.focus();
    }
  }
};
