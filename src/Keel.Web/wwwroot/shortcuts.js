// Keyboard shortcuts of the agent workspace. The keys go to .NET, which decides what each one does; nothing fires
// while the person types in a field, holds Ctrl/Alt/Meta, or has a dialog or menu open.
const typing = "input, textarea, select, [contenteditable=''], [contenteditable='true']";

export function listen(dotnet, keys) {
  let pending = "";
  let timer = 0;
  const onKey = (e) => {
    if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing || e.defaultPrevented) {
      return;
    }
    if (document.querySelector(".mud-dialog-container, .mud-popover-open:not(.mud-tooltip)")) {
      return;
    }
    const target = e.target instanceof Element ? e.target : null;
    const inField = target !== null && (target.isContentEditable || target.closest(typing) !== null);
    if (e.key === "Escape") {
      // Esc is the one key that works from a field: it leaves it and cancels what was being written.
      if (inField) {
        target.blur();
      }
      if (keys.includes("Escape")) {
        dotnet.invokeMethodAsync("OnShortcut", "Escape");
      }
      return;
    }
    if (inField) {
      return;
    }
    let key = e.key;
    if (pending) {
      key = pending + " " + key;
      pending = "";
      clearTimeout(timer);
    } else if (keys.some((k) => k.startsWith(key + " "))) {
      // The first key of a pair such as "g i": wait a moment for the second.
      pending = key;
      timer = setTimeout(() => { pending = ""; }, 1500);
      e.preventDefault();
      return;
    }
    if (keys.includes(key)) {
      e.preventDefault();
      dotnet.invokeMethodAsync("OnShortcut", key);
    }
  };
  document.addEventListener("keydown", onKey);
  return {
    dispose: () => {
      clearTimeout(timer);
      document.removeEventListener("keydown", onKey);
    },
  };
}

// Scrolls the element into view (the row the selection moved to) without moving focus.
export function reveal(selector) {
  const element = document.querySelector(selector);
  if (element) {
    element.scrollIntoView({ block: "nearest" });
  }
}
