// Progressive enhancement only: every page works without this file.
// Puts the main menu behind a menu button on narrow screens (without this
// file it is a list of every link), and adds a "copy link" button next to
// a record's permanent link.
(function () {
  "use strict";
  var nav = document.querySelector("nav.site-nav");
  var list = nav && nav.querySelector("ul");
  if (!list || !window.matchMedia) return;
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  var narrow = window.matchMedia("(max-width: 40rem)");
  var btn = document.createElement("button");
  btn.type = "button";
  btn.className = "menu-button";
  btn.setAttribute("aria-controls", list.id);
  btn.textContent = zh ? "菜单" : "Menu";
  btn.addEventListener("click", function () {
    var open = list.hidden;
    list.hidden = !open;
    btn.setAttribute("aria-expanded", String(open));
  });
  function fit() {
    if (narrow.matches) {
      if (!btn.parentNode) nav.insertBefore(btn, list);
      list.hidden = true;
      btn.setAttribute("aria-expanded", "false");
    } else {
      if (btn.parentNode) btn.remove();
      list.hidden = false;
    }
  }
  fit();
  if (narrow.addEventListener) narrow.addEventListener("change", fit);
})();
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
