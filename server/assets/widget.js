// archive search drop-in for a WordPress theme (or any site): turns the site's own search
// form into live search against the archive's server. Include it with
//   <script src="https://ARCHIVE/widget.js" defer></script>
// Options, as data- attributes on that script tag:
//   data-server  the archive's address (default: where this script came from)
//   data-form    CSS selector of the search form(s) (default: form[role=search])
//   data-input   CSS selector of the text box inside a form (default: input[name=s])
//   data-results hits to show (1-10, default 5)
// The site's origin must be on the server's CORS list (--cors-origin). Without it, or
// when the server cannot be reached, the form simply keeps working as before.
"use strict";
(() => {
  const script = document.currentScript;
  if (!script) return;
  const data = script.dataset;
  const server = (data.server || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  const formSelector = data.form || "form[role=search]";
  const inputSelector = data.input || "input[name=s]";
  const count = Math.min(10, Math.max(1, parseInt(data.results, 10) || 5));
  let instances = 0;

  const css =
    ".aw-wrap{position:relative}" +
    ".aw-panel{position:absolute;left:0;right:0;top:100%;z-index:9999;margin:2px 0 0;padding:0;background:#fff;color:#1d1d1f;" +
    "border:1px solid #ddd;border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.15);font:14px/1.4 system-ui,sans-serif;text-align:left}" +
    ".aw-panel[hidden]{display:none}.aw-list{list-style:none;margin:0;padding:0}" +
    ".aw-item a{display:block;padding:.45rem .6rem;color:inherit;text-decoration:none}" +
    ".aw-item a:hover,.aw-item[aria-selected=true] a{background:#f3f3f5}" +
    ".aw-title{font-weight:600;display:block}.aw-meta{color:#666;font-size:12px}" +
    ".aw-snippet{display:block;color:#333;font-size:13px}.aw-panel mark{background:#ffe58a;color:inherit}" +
    ".aw-all{display:block;padding:.45rem .6rem;border-top:1px solid #eee;font-weight:600}" +
    ".aw-status{padding:.45rem .6rem;color:#666;margin:0}";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key === "html") node.innerHTML = value; // the server's escaped text with <mark>
      else node.setAttribute(key, value);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  }

  function attach(form) {
    const input = form.querySelector(inputSelector);
    if (!input || input.dataset.archiveWidget) return;
    input.dataset.archiveWidget = "on";
    const id = "archive-widget-" + ++instances;
    const panel = el("div", { class: "aw-panel", id, hidden: "" });
    const list = el("ul", { class: "aw-list", role: "listbox", "aria-label": "Archive results" });
    const wrap = el("div", { class: "aw-wrap" });
    input.parentNode.insertBefore(wrap, input);
    wrap.append(input, panel);
    input.setAttribute("autocomplete", "off");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    let timer = 0;
    let token = 0;
    let active = -1;

    const close = () => {
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    const open = (...children) => {
      panel.replaceChildren(...children.filter(Boolean));
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
    };
    const items = () => [...list.querySelectorAll("[role=option]")];
    const setActive = (index) => {
      const all = items();
      if (!all.length) return;
      active = (index + all.length) % all.length;
      all.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
      input.setAttribute("aria-activedescendant", all[active].id);
    };

    async function search() {
      const q = input.value.trim();
      const mine = ++token;
      if (q.length < 2) return close();
      const params = new URLSearchParams({ q, per_page: String(count), facets: "" });
      let body;
      try {
        const response = await fetch(server + "/api/search?" + params, { mode: "cors", credentials: "omit" });
        if (!response.ok) throw new Error(String(response.status));
        body = await response.json();
      } catch {
        if (mine === token) close(); // the site's own search still works
        return;
      }
      if (mine !== token) return;
      const fullPage = server + "/?q=" + encodeURIComponent(q);
      list.replaceChildren(...body.hits.map((hit, i) => el("li", { class: "aw-item", role: "option", id: id + "-" + i, "aria-selected": "false" },
        el("a", { href: server + "/article/" + encodeURIComponent(hit.id) + "?q=" + encodeURIComponent(q) },
          el("span", { class: "aw-title", html: hit.title_highlighted }),
          el("span", { class: "aw-meta" }, [hit.date, hit.issue ? "Issue " + hit.issue : ""].filter(Boolean).join(" · ")),
          el("span", { class: "aw-snippet", html: hit.snippet })))));
      const summary = body.total === 0 ? el("p", { class: "aw-status" }, "No archive articles match.") : null;
      open(summary, list, el("a", { class: "aw-all", href: fullPage },
        // Without facets the server may estimate the total: say so.
        "All " + (body.total_is_exact ? "" : "about ") + body.total.toLocaleString("en") + " results in the archive →"));
      active = -1;
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener("keydown", (event) => {
      if (panel.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); setActive(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); items()[active].querySelector("a").click(); }
    });
    document.addEventListener("click", (event) => { if (!wrap.contains(event.target)) close(); });
  }

  function start() {
    if (!document.getElementById("archive-widget-style")) {
      const style = el("style", { id: "archive-widget-style" });
      style.textContent = css;
      document.head.append(style);
    }
    document.querySelectorAll(formSelector).forEach(attach);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
