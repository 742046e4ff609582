// PoA-ISS example consumer: plain JavaScript reading the headless API.
"use strict";

const LANGUAGES = {
  en: "English", fr: "Français", es: "Español", ru: "Русский", ar: "العربية", "zh-hans": "中文",
};
const RIGHT_TO_LEFT = new Set(["ar"]);

// The few words this page needs, in the six UN languages.
const WORDS = {
  sections: { en: "Sections", fr: "Rubriques", es: "Secciones", ru: "Разделы", ar: "الأقسام", "zh-hans": "栏目" },
  fallback: {
    en: "This content is not yet available in your language; it is shown in English.",
    fr: "Ce contenu n’est pas encore disponible dans votre langue ; il est affiché en anglais.",
    es: "Este contenido aún no está disponible en su idioma; se muestra en inglés.",
    ru: "Этот материал пока недоступен на вашем языке и показан на английском.",
    ar: "هذا المحتوى غير متاح بعد بلغتك؛ وهو معروض باللغة الإنكليزية.",
    "zh-hans": "此内容尚无您所用语言的版本，现以英文显示。",
  },
  symbol: { en: "Document symbol", fr: "Cote", es: "Signatura", ru: "Условное обозначение", ar: "رمز الوثيقة", "zh-hans": "文号" },
  region: { en: "Region", fr: "Région", es: "Región", ru: "Регион", ar: "المنطقة", "zh-hans": "区域" },
  groups: { en: "Groups", fr: "Groupes", es: "Grupos", ru: "Группы", ar: "المجموعات", "zh-hans": "国家组" },
  source: { en: "Content from the PoA-ISS API:", fr: "Contenu issu de l’API PoA-ISS :", es: "Contenido de la API de PoA-ISS:",
            ru: "Материалы из API PoA-ISS:", ar: "محتوى من واجهة برمجة تطبيقات PoA-ISS:", "zh-hans": "内容来自 PoA-ISS API：" },
  error: { en: "The content could not be loaded.", fr: "Le contenu n’a pas pu être chargé.", es: "No se pudo cargar el contenido.",
           ru: "Не удалось загрузить материалы.", ar: "تعذر تحميل المحتوى.", "zh-hans": "无法加载内容。" },
};

const params = new URLSearchParams(window.location.search);
const api = (params.get("api") || "http://127.0.0.1:8000").replace(/\/$/, "");
const locale = LANGUAGES[params.get("locale")] ? params.get("locale") : "en";
const say = (word) => WORDS[word][locale];

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// Rich text comes from trusted editors, but a consumer still keeps to a short allow-list.
const ALLOWED_TAGS = new Set(["P", "A", "B", "STRONG", "I", "EM", "UL", "OL", "LI", "H2", "H3", "H4", "BR"]);
function safeHtml(html) {
  const source = new DOMParser().parseFromString(html, "text/html").body;
  const copy = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
    if (node.nodeType !== Node.ELEMENT_NODE) return document.createTextNode("");
    if (!ALLOWED_TAGS.has(node.tagName)) {
      const fragment = document.createDocumentFragment();
      node.childNodes.forEach((child) => fragment.append(copy(child)));
      return fragment;
    }
    const clean = document.createElement(node.tagName);
    const href = node.getAttribute("href");
    if (node.tagName === "A" && href && /^https?:\/\//.test(href)) clean.setAttribute("href", href);
    node.childNodes.forEach((child) => clean.append(copy(child)));
    return clean;
  };
  const fragment = document.createDocumentFragment();
  source.childNodes.forEach((child) => fragment.append(copy(child)));
  return fragment;
}

async function get(path, query = {}) {
  const url = new URL(api + path);
  for (const [name, value] of Object.entries({ ...query, locale })) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

function renderBody(blocks) {
  const fragment = document.createDocumentFragment();
  for (const block of blocks || []) {
    if (block.type === "heading") fragment.append(element(block.value.level || "h2", {}, block.value.text));
    else if (block.type === "paragraph") fragment.append(safeHtml(block.value));
    else if (block.type === "quote") {
      const quote = element("blockquote", {}, element("p", {}, block.value.text));
      if (block.value.attribution) quote.append(element("footer", {}, block.value.attribution));
      fragment.append(quote);
    }
  }
  return fragment;
}

function fallbackNotice(meta) {
  return meta.is_fallback ? element("p", { class: "notice", role: "note" }, say("fallback")) : "";
}

async function showHome() {
  const listing = await get("/api/v2/pages/", { type: "core.HomePage", fields: "intro,body" });
  const home = listing.items[0];
  const sections = await get("/api/v2/pages/", { child_of: home.id });
  const list = element("ul", {});
  for (const section of sections.items) {
    list.append(element("li", {}, element("a", { href: `#/pages/${section.id}` }, section.title)));
  }
  return [
    element("h1", {}, home.title), fallbackNotice(home.meta), element("p", { class: "intro" }, home.intro || ""),
    renderBody(home.body), element("h2", {}, say("sections")), list,
  ];
}

async function showPage(id) {
  const page = await get(`/api/v2/pages/${id}/`);
  const parts = [element("h1", {}, page.title), fallbackNotice(page.meta)];
  if (page.symbols && page.symbols.length) {
    const symbols = element("p", { class: "symbols" }, say("symbol") + ": ");
    page.symbols.forEach((item, index) => {
      if (index) symbols.append(", ");
      symbols.append(element("a", { href: item.url, dir: "ltr" }, item.symbol));
    });
    parts.push(symbols);
  }
  const intro = page.intro || page.summary;
  if (intro) parts.push(element("p", { class: "intro" }, intro));
  parts.push(renderBody(page.body));
  const children = await get("/api/v2/pages/", { child_of: page.id });
  if (children.items.length) {
    const list = element("ul", {});
    children.items.forEach((child) => list.append(element("li", {}, element("a", { href: `#/pages/${child.id}` }, child.title))));
    parts.push(list);
  }
  return parts;
}

async function showCountry(code) {
  const country = await get(`/api/v2/countries/${code}/`);
  const regions = [country.region, country.sub_region, country.intermediate_region].filter(Boolean);
  return [
    element("h1", {}, country.name), fallbackNotice({ is_fallback: country.is_fallback }),
    element("dl", {},
      element("dt", {}, say("region")), element("dd", { class: "regions" }, regions.map((r) => r.name).join(" › ")),
      element("dt", {}, say("groups")), element("dd", { class: "groups" }, country.groups.map((g) => g.toUpperCase()).join(", ") || "—")),
  ];
}

function renderLanguages() {
  const nav = document.getElementById("languages");
  nav.replaceChildren();
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const query = new URLSearchParams(params);
    query.set("locale", code);
    const link = element("a", { href: `?${query}${window.location.hash}`, lang: code, hreflang: code }, name);
    if (code === locale) link.setAttribute("aria-current", "true");
    nav.append(link);
  }
}

async function route() {
  const main = document.getElementById("content");
  const [, kind, key] = window.location.hash.replace(/^#/, "").split("/");
  try {
    const parts = kind === "pages" ? await showPage(key) : kind === "countries" ? await showCountry(key) : await showHome();
    main.replaceChildren(...parts);
    document.title = `${main.querySelector("h1").textContent} · PoA-ISS`;
  } catch (error) {
    main.replaceChildren(element("p", { class: "notice", role: "alert" }, say("error")));
    console.error(error);
  }
  main.dataset.ready = "true";
}

document.documentElement.lang = locale;
document.documentElement.dir = RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
document.getElementById("source-label").textContent = say("source");
const apiLink = document.getElementById("api-link");
apiLink.href = `${api}/api/docs/`;
apiLink.textContent = api;
renderLanguages();
window.addEventListener("hashchange", route);
route();
