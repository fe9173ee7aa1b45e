// Progressive enhancement only: every page works without this file.
// Adds a "copy link" button next to a record's permanent link.
(function () {
  "use strict";
  var link = document.querySelector("a[data-copy]");
  if (!link || !navigator.clipboard) return;
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  var btn = document.createElement("button");
  btn.type = "button";
  btn.className = "copy";
  btn.textContent = zh ? "复制链接" : "Copy link";
  btn.addEventListener("click", function () {
    navigator.clipboard.writeText(link.href).then(function () {
      btn.textContent = zh ? "已复制" : "Copied";
    });
  });
  link.insertAdjacentElement("afterend", btn);
})();
