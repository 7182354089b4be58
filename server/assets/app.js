// The archive's search page: search with suggestions, facets, a per-year chart, the
// issue browser and the article view. Plain DOM, no framework. The URL holds the whole
// state (path + query string): every change is a history entry, and loading a URL
// restores what it names. Text from the archive is put in as text; only the API's
// highlighted fields (escaped by the server, with our <mark>) are put in as HTML.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const STATE_KEYS = ["q", "topic", "city", "from", "to", "sort", "page", "author", "lang", "issue", "strict"];
  const PER_PAGE = 10;
  let generation = 0; // counts navigations: an answer to an older one is dropped

  // el("a", {href: "/"}, "text", child): builds elements; strings become text nodes.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "html") node.innerHTML = value; // only for the API's highlighted fields
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false)
        node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
    }
    return node;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error ? body.error.message : "HTTP " + response.status);
    return body;
  }

  function show(viewId) {
    for (const id of ["view-search", "view-article", "view-issues"]) $(id).hidden = id !== viewId;
  }

  function pageState() {
    const all = new URLSearchParams(location.search);
    const state = new URLSearchParams();
    for (const [key, value] of all) if (STATE_KEYS.includes(key) && value !== "") state.append(key, value);
    return state;
  }

  function navigate(url, replace) {
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    route();
  }

  // Changes the search state: `changes` maps a key to a value, a list, or null (remove).
  function updateSearch(changes) {
    const state = pageState();
    for (const [key, value] of Object.entries(changes)) {
      state.delete(key);
      for (const v of [].concat(value === null ? [] : value)) state.append(key, v);
    }
    if (!("page" in changes)) state.delete("page");
    const query = state.toString();
    navigate("/" + (query ? "?" + query : ""));
  }

  function citation(generationNo, revision) {
    $("citation").textContent = "Cite this view: " + location.href + " (index generation " +
      generationNo + ", revision " + revision + ", retrieved " + new Date().toISOString().slice(0, 10) + ")";
  }

  // --- Search view ---------------------------------------------------------------------

  async function showSearch() {
    show("view-search");
    const token = ++generation;
    const state = pageState();
    $("q").value = state.get("q") || "";
    $("sort").value = state.get("sort") || "relevance";
    document.title = state.get("q") ? state.get("q") + " – Archive search" : "Archive search";
    const api = new URLSearchParams(state);
    api.set("facets", "topic,city,year");
    api.set("per_page", String(PER_PAGE));
    const filteredByDate = state.has("from") || state.has("to");
    let body;
    let years;
    try {
      const started = performance.now();
      const chartQuery = new URLSearchParams(api);
      chartQuery.delete("from");
      chartQuery.delete("to");
      chartQuery.delete("page");
      chartQuery.set("per_page", "1");
      chartQuery.set("facets", "year");
      // The chart shows every year even when one is chosen, so it needs its own count.
      [body, years] = await Promise.all([
        getJson("/api/search?" + api),
        filteredByDate ? getJson("/api/search?" + chartQuery).then((b) => b.facets.year || []) : null,
      ]);
      body.roundtrip_ms = performance.now() - started;
    } catch (error) {
      if (token !== generation) return;
      $("status").textContent = "Search failed: " + error.message;
      for (const id of ["hits", "pages", "notices", "chart"]) $(id).replaceChildren();
      return;
    }
    if (token !== generation) return;
    renderSearch(state, body, years || body.facets.year || []);
  }

  function renderSearch(state, body, years) {
    renderFacet("topic", state, body.facets.topic || []);
    renderFacet("city", state, body.facets.city || []);
    renderYears(state, years);
    const total = body.total.toLocaleString("en") + (body.total_is_exact ? "" : " (about)");
    $("status").textContent = total + (body.total === 1 ? " article" : " articles") +
      (state.get("q") ? "" : ", newest first") + " · " + body.took_ms.toFixed(1) + " ms in the server, " +
      Math.round(body.roundtrip_ms) + " ms here · index generation " + body.generation + ", revision " + body.revision;
    renderNotices(state, body);
    $("hits").replaceChildren(...body.hits.map((hit) => renderHit(hit, state.get("q"))));
    renderPages(state, body);
    citation(body.generation, body.revision);
  }

  function searchLink(changes) {
    const state = pageState();
    for (const [key, value] of Object.entries(changes)) {
      state.delete(key);
      if (value !== null) state.set(key, value);
    }
    if (!("page" in changes)) state.delete("page");
    return "/?" + state.toString();
  }

  function renderNotices(state, body) {
    const notices = [];
    if (body.corrected_query) {
      notices.push(el("p", { class: "notice" }, "Showing results for ", el("strong", {}, body.corrected_query),
        ". Search instead for ", el("a", { href: searchLink({ strict: "1" }) }, state.get("q")), "."));
    } else if (body.suggestion) {
      notices.push(el("p", { class: "notice" }, "Did you mean ",
        el("a", { href: searchLink({ q: body.suggestion }), class: "suggestion" }, body.suggestion), "?"));
    }
    if (body.total === 0) notices.push(el("p", {}, "No article matches. Try fewer words or fewer filters."));
    $("notices").replaceChildren(...notices);
  }

  function renderHit(hit, query) {
    const href = "/article/" + encodeURIComponent(hit.id) + (query ? "?q=" + encodeURIComponent(query) : "");
    const meta = [hit.date || "undated"];
    if (hit.issue) meta.push("Issue " + hit.issue);
    if (hit.topics.length) meta.push(hit.topics.join(", "));
    if (hit.cities.length) meta.push(hit.cities.join(", "));
    return el("li", { class: "hit" },
      el("h3", {}, el("a", { href, html: hit.title_highlighted })),
      el("p", { class: "meta" }, meta.join(" · ")),
      el("p", { class: "snippet", html: hit.snippet }));
  }

  function renderFacet(name, state, counts) {
    const selected = state.getAll(name);
    const shown = counts.slice(0, 12);
    for (const value of selected) if (!shown.some((c) => c.value === value)) shown.push({ value, count: 0 });
    const options = shown.map(({ value, count }) => {
      const box = el("input", { type: "checkbox", value, checked: selected.includes(value) });
      box.addEventListener("change", () => {
        const rest = selected.filter((v) => v !== value);
        updateSearch({ [name]: box.checked ? rest.concat(value) : rest });
      });
      return el("label", {}, box, " " + value + " ", el("span", { class: "count" }, "(" + count + ")"));
    });
    $("facet-" + name).querySelector(".options").replaceChildren(...options);
  }

  function selectedYear(state) {
    const from = state.get("from") || "";
    return from.length === 4 && state.get("to") === from ? from : "";
  }

  function renderYears(state, counts) {
    const chosen = selectedYear(state);
    const byYear = new Map(counts.map((c) => [c.value, c.count]));
    const known = [...byYear.keys()].map(Number).filter((y) => y > 0);
    const years = [];
    if (known.length) for (let y = Math.min(...known); y <= Math.max(...known); ++y) years.push(String(y));
    const max = Math.max(1, ...byYear.values());
    const select = $("year");
    select.replaceChildren(el("option", { value: "" }, "Any year"),
      ...years.map((y) => el("option", { value: y }, y + " (" + (byYear.get(y) || 0) + ")")));
    select.value = chosen;
    const bars = years.map((y) => {
      const count = byYear.get(y) || 0;
      return el("button", {
        type: "button", "data-year": y, title: y + ": " + count,
        "aria-label": y + ": " + count + (count === 1 ? " article" : " articles"),
        "aria-pressed": String(y === chosen), style: "height:" + Math.max(2, (100 * count) / max) + "%",
        onclick: () => updateSearch(y === chosen ? { from: null, to: null } : { from: y, to: y }),
      });
    });
    $("chart").replaceChildren(...bars);
    const axis = $("chart").nextElementSibling;
    if (axis && axis.classList.contains("chart-axis")) axis.remove();
    if (years.length) $("chart").after(el("div", { class: "chart-axis", "aria-hidden": "true" },
      el("span", {}, years[0]), el("span", {}, years[years.length - 1])));
  }

  function renderPages(state, body) {
    const page = Number(state.get("page") || 1);
    const last = Math.min(Math.ceil(body.total / PER_PAGE), Math.floor(10000 / PER_PAGE));
    if (last <= 1) return $("pages").replaceChildren();
    const links = [];
    if (page > 1) links.push(el("a", { href: searchLink({ page: String(page - 1) }), rel: "prev" }, "‹ Previous"));
    const first = Math.max(1, page - 3);
    for (let p = first; p <= Math.min(last, first + 6); ++p) {
      links.push(p === page ? el("span", { "aria-current": "page" }, String(p))
        : el("a", { href: searchLink({ page: String(p) }), "aria-label": "Page " + p }, String(p)));
    }
    if (page < last) links.push(el("a", { href: searchLink({ page: String(page + 1) }), rel: "next" }, "Next ›"));
    $("pages").replaceChildren(...links);
  }

  // --- Suggestions (an ARIA combobox) ------------------------------------------------------

  let suggestTimer = 0;
  let suggestToken = 0;
  let active = -1;

  function options() { return [...$("suggestions").querySelectorAll("[role=option]")]; }

  function closeSuggestions() {
    $("suggestions").hidden = true;
    $("q").setAttribute("aria-expanded", "false");
    $("q").removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    const list = options();
    if (!list.length) return;
    active = (index + list.length) % list.length;
    list.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    $("q").setAttribute("aria-activedescendant", list[active].id);
  }

  function pick(option) {
    closeSuggestions();
    if (option.dataset.article) return navigate("/article/" + encodeURIComponent(option.dataset.article));
    $("q").value = option.dataset.text;
    updateSearch({ q: option.dataset.text || null });
  }

  async function suggest() {
    const text = $("q").value;
    const token = ++suggestToken;
    if (!text.trim()) return closeSuggestions();
    let body;
    try {
      body = await getJson("/api/suggest?limit=5&q=" + encodeURIComponent(text));
    } catch {
      return closeSuggestions();
    }
    if (token !== suggestToken || document.activeElement !== $("q")) return;
    const items = [
      ...body.completions.map((c) => ({ text: c.text, label: c.text, kind: "" })),
      ...body.headlines.map((h) => ({ article: h.id, label: h.title, kind: h.date ? h.date.slice(0, 4) : "article" })),
    ];
    if (!items.length) return closeSuggestions();
    $("suggestions").replaceChildren(...items.map((item, i) => el("li", {
      id: "suggestion-" + i, role: "option", "aria-selected": "false",
      "data-text": item.text, "data-article": item.article,
      onmousedown: (event) => event.preventDefault(), // keep focus in the box
      onclick: (event) => pick(event.currentTarget),
    }, item.label, item.kind ? el("span", { class: "kind" }, item.kind) : null)));
    $("suggestions").hidden = false;
    $("q").setAttribute("aria-expanded", "true");
    active = -1;
  }

  function wireSearchBox() {
    const box = $("q");
    box.addEventListener("input", () => {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(suggest, 120);
    });
    box.addEventListener("keydown", (event) => {
      const open = !$("suggestions").hidden;
      if (event.key === "ArrowDown") { event.preventDefault(); if (open) setActive(active + 1); else suggest(); }
      else if (event.key === "ArrowUp" && open) { event.preventDefault(); setActive(active - 1); }
      else if (event.key === "Escape" && open) { event.preventDefault(); closeSuggestions(); }
      else if (event.key === "Enter" && open && active >= 0) { event.preventDefault(); pick(options()[active]); }
    });
    box.addEventListener("blur", () => setTimeout(closeSuggestions, 150));
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(suggestTimer);
      ++suggestToken;
      closeSuggestions();
      if (location.pathname !== "/") {
        const q = box.value.trim();
        return navigate("/" + (q ? "?q=" + encodeURIComponent(q) : ""));
      }
      updateSearch({ q: box.value.trim() || null });
    });
    $("sort").addEventListener("change", (e) => updateSearch({ sort: e.target.value === "relevance" ? null : e.target.value }));
    $("year").addEventListener("change", (e) => updateSearch(e.target.value ? { from: e.target.value, to: e.target.value } : { from: null, to: null }));
  }

  // --- Article view ------------------------------------------------------------------------

  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

  // The words of a query as prefixes to mark: operators and field names dropped, common
  // endings cut so that "strikes" also marks "strike" (the index stems; this approximates).
  function queryTerms(query) {
    const words = fold((query || "").replace(/\b[a-z]+:/gi, " ")).match(/[\p{L}\p{N}]+/gu) || [];
    return words.filter((w) => !["and", "or", "not", "near"].includes(w) && w.length > 1)
      .map((w) => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, "") : w));
  }

  // Text with the query's words in <mark>, built as nodes (never as markup).
  function highlighted(text, terms) {
    if (!terms.length) return [text];
    const parts = [];
    let last = 0;
    for (const match of text.matchAll(/[\p{L}\p{N}’']+/gu)) {
      const word = fold(match[0]);
      if (!terms.some((t) => word.startsWith(t))) continue;
      parts.push(text.slice(last, match.index), el("mark", {}, match[0]));
      last = match.index + match[0].length;
    }
    parts.push(text.slice(last));
    return parts;
  }

  // The stored body is plain text or HTML as received: HTML is parsed in an inert
  // document and only its text is kept.
  function paragraphs(body) {
    if (/<[a-z!/]/i.test(body)) {
      const doc = new DOMParser().parseFromString(body, "text/html");
      const blocks = [...doc.body.querySelectorAll("p, h2, h3, h4, li, blockquote")];
      if (blocks.length) return blocks.map((b) => b.textContent.trim()).filter(Boolean);
      body = doc.body.textContent;
    }
    return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  }

  async function showArticle(id) {
    show("view-article");
    const token = ++generation;
    const view = $("view-article");
    const q = new URLSearchParams(location.search).get("q") || "";
    // A page loaded at this address already holds the article (rendered by the server).
    if (!view.querySelector("h1")) view.replaceChildren(el("p", { class: "status" }, "Loading…"));
    let article;
    try {
      article = await getJson("/api/articles/" + encodeURIComponent(id));
    } catch (error) {
      if (token === generation) view.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
      return;
    }
    if (token !== generation) return;
    const terms = queryTerms(q);
    document.title = article.title + " – Archive search";
    const meta = [article.date || "undated"];
    const issueLink = article.issue ? el("a", { href: "/issues/" + article.issue }, "Issue " + article.issue) : null;
    view.replaceChildren(
      q ? el("p", {}, el("a", { href: "/?q=" + encodeURIComponent(q), class: "back" }, "‹ Results for “" + q + "”")) : null,
      el("h1", {}, highlighted(article.title, terms)),
      el("p", { class: "meta" }, meta.join(" · "), issueLink ? [" · ", issueLink] : null,
        article.authors.length ? " · By " + article.authors.join(", ") : ""),
      el("p", { class: "meta" }, [article.topics.join(", "), article.cities.join(", ")].filter(Boolean).join(" · ")),
      article.url ? el("p", { class: "meta" }, el("a", { href: article.url, rel: "noopener" }, "Original page")) : null,
      el("div", { class: "text" }, paragraphs(article.body || "").map((p) => el("p", {}, highlighted(p, terms)))),
      el("section", { class: "similar", "aria-labelledby": "similar-title" },
        el("h2", { id: "similar-title" }, "More like this"), el("ol", { id: "similar", class: "hits" })));
    citation(article.generation, article.revision);
    view.focus();
    try {
      const similar = await getJson("/api/articles/" + encodeURIComponent(id) + "/similar?per_page=5");
      // Their marks would be the likeness words, not the reader's: shown unmarked.
      const items = similar.hits.map((hit) => renderHit(hit, ""));
      for (const item of items) item.querySelectorAll("mark").forEach((m) => m.replaceWith(m.textContent));
      if (token === generation) $("similar").replaceChildren(...items);
    } catch {
      if (token === generation) $("similar").replaceChildren(el("li", {}, "No similar articles found."));
    }
  }

  // --- Issue browser -----------------------------------------------------------------------

  async function showIssues() {
    show("view-issues");
    const token = ++generation;
    const view = $("view-issues");
    document.title = "Issues – Archive search";
    const list = await getJson("/api/issues").catch((e) => ({ error: e.message }));
    if (token !== generation) return;
    if (list.error) return view.replaceChildren(el("p", { class: "error", role: "alert" }, list.error));
    view.replaceChildren(el("h1", {}, "Issues"), el("p", { class: "status" }, list.total + " printed issues"),
      el("table", {}, el("thead", {}, el("tr", {}, ["Issue", "Date", "Title", "Articles", "Pages"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, list.issues.map((issue) => el("tr", {},
          el("td", {}, el("a", { href: "/issues/" + issue.number }, "No. " + issue.number)),
          el("td", {}, issue.date || ""), el("td", {}, issue.title || ""),
          el("td", {}, String(issue.articles)), el("td", {}, String(issue.pages)))))));
    citation(list.generation, list.revision);
  }

  async function showIssue(number) {
    show("view-issues");
    const token = ++generation;
    const view = $("view-issues");
    const issue = await getJson("/api/issues/" + encodeURIComponent(number)).catch((e) => ({ error: e.message }));
    if (token !== generation) return;
    if (issue.error) return view.replaceChildren(el("p", { class: "error", role: "alert" }, issue.error));
    const title = issue.title || "Issue " + issue.number;
    document.title = title + " – Archive search";
    view.replaceChildren(
      el("p", {}, el("a", { href: "/issues" }, "‹ All issues")),
      el("h1", {}, title), el("p", { class: "meta" }, (issue.date || "") + " · " + issue.articles + " articles"),
      el("h2", {}, "Contents"),
      el("ol", { class: "toc" }, issue.contents.map((a) => el("li", {},
        el("a", { href: "/article/" + encodeURIComponent(a.id) }, a.title),
        el("span", { class: "meta" }, (a.page ? " · page " + a.page : "") + (a.authors.length ? " · " + a.authors.join(", ") : ""))))),
      issue.page_records.length ? [el("h2", {}, "Printed pages"), el("ul", {}, issue.page_records.map((p) =>
        el("li", {}, el("a", { href: "/article/" + encodeURIComponent(p.id) }, "Page " + p.page + (p.title ? ": " + p.title : "")))))] : null);
    citation(issue.generation, issue.revision);
  }

  // --- Routing -----------------------------------------------------------------------------

  function route() {
    const path = location.pathname;
    closeSuggestions();
    if (path.startsWith("/article/")) return showArticle(decodeURIComponent(path.slice("/article/".length)));
    if (path === "/issues") return showIssues();
    if (path.startsWith("/issues/")) return showIssue(path.slice("/issues/".length));
    return showSearch();
  }

  // Links within the page's views change the view without a reload.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return;
    if (!(url.pathname === "/" || url.pathname === "/issues" || url.pathname.startsWith("/issues/") ||
          url.pathname.startsWith("/article/"))) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener("popstate", route);
  wireSearchBox();
  route();
})();
