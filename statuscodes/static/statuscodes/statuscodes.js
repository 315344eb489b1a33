// Reference pages of django-statuscodes: a copy button on each snippet. The pages work without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard) {
    return;
  }
  for (const snippet of document.querySelectorAll(".snippet[data-copy-label]")) {
    const code = snippet.querySelector("code");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = snippet.dataset.copyLabel;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code.textContent);
        button.textContent = snippet.dataset.copiedLabel;
        setTimeout(() => {
          button.textContent = snippet.dataset.copyLabel;
        }, 2000);
      } catch {
        // Refused (no permission or no user gesture): the text can still be selected by hand.
      }
    });
    snippet.append(button);
  }
});
