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
  // Best practices
  themes: { en: "Thematic areas", fr: "Domaines thématiques", es: "Áreas temáticas", ru: "Тематические области",
            ar: "المجالات المواضيعية", "zh-hans": "专题领域" },
  modules: { en: "MOSAIC modules", fr: "Modules MOSAIC", es: "Módulos MOSAIC", ru: "Модули MOSAIC",
             ar: "وحدات MOSAIC", "zh-hans": "MOSAIC 模块" },
  global: { en: "Global", fr: "Mondial", es: "Mundial", ru: "Глобальный уровень", ar: "عالمي", "zh-hans": "全球" },
  sourceOrganisation: { en: "Source", fr: "Source", es: "Fuente", ru: "Источник", ar: "المصدر", "zh-hans": "来源" },
  related: { en: "Related pages", fr: "Pages connexes", es: "Páginas relacionadas", ru: "Связанные страницы",
             ar: "صفحات ذات صلة", "zh-hans": "相关页面" },
  // Country profiles
  profile: { en: "Country profile", fr: "Profil de pays", es: "Perfil de país", ru: "Страновой профиль",
             ar: "موجز قطري", "zh-hans": "国家概况" },
  timeline: { en: "Reporting timeline", fr: "Chronologie des rapports", es: "Cronología de los informes",
              ru: "Хронология докладов", ar: "الجدول الزمني للتقارير", "zh-hans": "报告时间表" },
  excerpts: { en: "Latest excerpts", fr: "Extraits les plus récents", es: "Extractos más recientes",
              ru: "Последние выдержки", ar: "أحدث المقتطفات", "zh-hans": "最新摘录" },
  email: { en: "E-mail", fr: "Courriel", es: "Correo electrónico", ru: "Электронная почта", ar: "البريد الإلكتروني",
           "zh-hans": "电子邮件" },
  telephone: { en: "Telephone", fr: "Téléphone", es: "Teléfono", ru: "Телефон", ar: "الهاتف", "zh-hans": "电话" },
  title: { en: "Title", fr: "Titre", es: "Título", ru: "Название", ar: "العنوان", "zh-hans": "标题" },
  status: { en: "Status", fr: "Statut", es: "Estado", ru: "Статус", ar: "الحالة", "zh-hans": "状态" },
  amount: { en: "Amount (US$)", fr: "Montant (dollars É.-U.)", es: "Monto (dólares EE. UU.)", ru: "Сумма (долл. США)",
            ar: "المبلغ (بدولارات الولايات المتحدة)", "zh-hans": "金额（美元）" },
  code: { en: "Code", fr: "Code", es: "Código", ru: "Код", ar: "الرمز", "zh-hans": "编号" },
  period: { en: "Period", fr: "Période", es: "Período", ru: "Период", ar: "الفترة", "zh-hans": "期间" },
  year: { en: "Year", fr: "Année", es: "Año", ru: "Год", ar: "السنة", "zh-hans": "年份" },
  seized: { en: "Weapons seized", fr: "Armes saisies", es: "Armas incautadas", ru: "Изъято единиц оружия",
            ar: "الأسلحة المضبوطة", "zh-hans": "缴获武器" },
  traced: { en: "Weapons traced", fr: "Armes tracées", es: "Armas rastreadas", ru: "Отслежено единиц оружия",
            ar: "الأسلحة المقتفى أثرها", "zh-hans": "追查武器" },
  nothing: { en: "Nothing to show yet.", fr: "Rien à afficher pour l’instant.", es: "Nada que mostrar por ahora.",
             ru: "Пока нет сведений.", ar: "لا يوجد ما يُعرض بعد.", "zh-hans": "暂无内容。" },
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

// Text in another language than the page's (an English fallback) says so, for screen readers.
function inLanguage(node, language) {
  if (language && language !== locale) {
    node.setAttribute("lang", language);
    node.setAttribute("dir", RIGHT_TO_LEFT.has(language) ? "rtl" : "ltr");
  }
  return node;
}

function link(url, text) {
  return /^https?:\/\//.test(url || "") ? element("a", { href: url }, text) : element("span", {}, text);
}

function renderTable(table) {
  const node = element("table", {});
  if (table.caption) node.append(element("caption", {}, table.caption));
  const head = element("tr", {});
  table.columns.forEach((column) => head.append(element("th", { scope: "col" }, column.heading || "")));
  node.append(element("thead", {}, head));
  const body = element("tbody", {});
  for (const row of table.rows) {
    const line = element("tr", {});
    row.values.forEach((value, index) => {
      const cell = element("td", {});
      if (value && typeof value === "object") cell.append(link(value.url, value.symbol));
      else if (table.columns[index].type === "rich_text") cell.append(safeHtml(value || ""));
      else cell.append(value === null || value === undefined ? "" : String(value));
      line.append(cell);
    });
    body.append(line);
  }
  node.append(body);
  return node;
}

const BLOCKS = {
  heading: (value) => element(value.level || "h2", {}, value.text),
  paragraph: (value) => safeHtml(value),
  quote: (value) => {
    const quote = element("blockquote", {}, element("p", {}, value.text));
    if (value.attribution) quote.append(element("footer", {}, value.attribution));
    return quote;
  },
  callout: (value) => {
    const box = element("aside", { class: `callout ${value.tone}` });
    if (value.title) box.append(element("p", { class: "callout-title" }, element("strong", {}, value.title)));
    box.append(safeHtml(value.text));
    return box;
  },
  key_figure: (value) => element("p", { class: "key-figure" },
    element("strong", {}, `${value.value}${value.unit ? " " + value.unit : ""}`), " ", value.label),
  image: (value) => {
    if (!value.image) return "";
    const rendition = Object.values(value.image.renditions)[0];
    const figure = element("figure", {}, element("img", { src: rendition.url, alt: value.alt_text || "",
      width: rendition.width, height: rendition.height }));
    if (value.caption) figure.append(element("figcaption", {}, value.caption));
    return figure;
  },
  document: (value) => value.document ? element("p", {}, link(value.document.url, value.label)) : "",
  embed: (value) => element("p", {}, link(value.url, value.caption || value.url)),
  table: renderTable,
  footnotes: (notes) => {
    const list = element("ol", { class: "footnotes" });
    notes.forEach((note) => list.append(element("li", { id: `note-${note.number}` }, safeHtml(note.text))));
    return list;
  },
  country: (term) => term ? element("p", {}, element("a", { href: `#/countries/${term.code}` }, term.name)) : "",
  thematic_area: (term) => term ? inLanguage(element("p", { class: "term" }, term.name), term.locale) : "",
  accordion: (value) => {
    const fragment = document.createDocumentFragment();
    if (value.heading) fragment.append(element("h2", {}, value.heading));
    for (const item of value.items) {
      fragment.append(element("details", {}, element("summary", {}, item.question), safeHtml(item.answer)));
    }
    return fragment;
  },
};

function renderBody(blocks) {
  const fragment = document.createDocumentFragment();
  for (const block of blocks || []) {
    if (BLOCKS[block.type]) fragment.append(BLOCKS[block.type](block.value));
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

function termList(terms, withCode = false) {
  const list = element("ul", { class: "terms" });
  for (const term of terms) {
    const item = element("li", {});
    if (withCode) item.append(element("span", { class: "code", dir: "ltr" }, term.code), " ");
    item.append(term.name);
    list.append(item);
  }
  return list;
}

// A best practice: what it relates to (thematic areas, MOSAIC modules, region, source), then
// its text and the pages it points to.
function showBestPractice(page) {
  const facts = element("dl", { class: "facts" },
    element("dt", {}, say("themes")), element("dd", {}, termList(page.themes)),
    element("dt", {}, say("modules")), element("dd", {}, termList(page.modules, true)),
    element("dt", {}, say("region")), element("dd", { class: "regions" }, page.region_term ? page.region_term.name : say("global")));
  if (page.source) {
    const source = page.source.acronym ? `${page.source.name} (${page.source.acronym})` : page.source.name;
    facts.append(element("dt", {}, say("sourceOrganisation")), element("dd", { class: "source" }, source));
  }
  const parts = [
    element("h1", {}, page.title), fallbackNotice(page.meta),
    element("p", { class: "intro" }, page.summary || ""), facts, renderBody(page.body),
  ];
  if (page.related && page.related.length) {
    const list = element("ul", {});
    page.related.forEach((item) => list.append(element("li", {}, element("a", { href: `#/pages/${item.id}` }, item.title))));
    parts.push(section("related", say("related"), list));
  }
  return parts;
}

async function showPage(id) {
  const page = await get(`/api/v2/pages/${encodeURIComponent(id)}/`);
  if (page.meta.type === "library.BestPracticePage") return showBestPractice(page);
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

function section(name, heading, ...content) {
  const id = `section-${name}`;
  return element("section", { class: name, "aria-labelledby": id }, element("h2", { id }, heading), ...content);
}

function nothing() {
  return element("p", { class: "empty" }, say("nothing"));
}

function table(caption, headings, rows) {
  const node = element("table", {}, element("caption", {}, caption));
  const head = element("tr", {});
  headings.forEach((heading) => head.append(element("th", { scope: "col" }, heading)));
  node.append(element("thead", {}, head));
  const body = element("tbody", {});
  rows.forEach((cells) => body.append(element("tr", {}, ...cells.map((cell) => element("td", {}, cell)))));
  node.append(body);
  return node;
}

const number = (value) => new Intl.NumberFormat(locale).format(Number(value));

function excerptContent(item) {
  const excerpt = item.excerpt;
  if (typeof excerpt === "string") return element("p", {}, excerpt);
  if (Array.isArray(excerpt)) {  // laws
    const list = element("ul", {});
    for (const law of excerpt) {
      const entry = element("li", {}, inLanguage(link(law.link, law.original_title), "en"));
      if (law.english_title && law.english_title !== law.original_title) entry.append(" — ", inLanguage(element("span", {}, law.english_title), "en"));
      if (law.date) entry.append(` (${law.date})`);
      list.append(entry);
    }
    return list;
  }
  if ("seized" in excerpt) {  // SDG 16.4.2 data
    return element("dl", {},
      element("dt", {}, say("year")), element("dd", {}, String(excerpt.year ?? "—")),
      element("dt", {}, say("seized")), element("dd", {}, excerpt.seized == null ? "—" : number(excerpt.seized)),
      element("dt", {}, say("traced")), element("dd", {}, excerpt.traced == null ? "—" : number(excerpt.traced)));
  }
  const fragment = document.createDocumentFragment();  // international assistance
  if (excerpt.narrative) fragment.append(element("p", {}, excerpt.narrative));
  const list = element("ul", {});
  for (const need of excerpt.needs || []) {
    const names = [need.thematic_area, need.assistance_form].filter(Boolean).map((term) => term.name).join(", ");
    list.append(element("li", {}, element("strong", {}, names), names ? " — " : "", need.description || ""));
  }
  if (list.childNodes.length) fragment.append(list);
  return fragment;
}

const PROFILE_SECTIONS = {
  reports: (data) => {
    const timeline = element("ol", { class: "timeline" });
    for (const report of data.timeline) {
      timeline.append(element("li", {}, element("span", { dir: "ltr" }, `${report.cycle} (${report.year})`), " ",
        inLanguage(element("a", { href: `#/pages/${report.report_id}` }, report.title), report.locale)));
    }
    const excerpts = element("div", { class: "excerpts" });
    for (const item of data.excerpts) excerpts.append(element("h4", {}, item.label), excerptContent(item));
    return [element("h3", {}, say("timeline")), timeline, element("h3", {}, say("excerpts")), excerpts];
  },
  contacts: (data) => {
    const list = element("ul", { class: "contacts" });
    for (const contact of data) {
      const card = element("li", {}, element("strong", {}, contact.name));
      const lines = [contact.role_title, contact.organisation, `${contact.scope_label} · ${contact.instrument_label}`];
      lines.filter(Boolean).forEach((line) => card.append(element("br", {}), line));
      // Only those entitled to them (network members, the secretariat) get e-mail and telephone.
      if (contact.email) card.append(element("br", {}), `${say("email")}: `, element("a", { href: `mailto:${contact.email}`, dir: "ltr" }, contact.email));
      if (contact.telephone) card.append(element("br", {}), `${say("telephone")}: `, element("a", { href: `tel:${contact.telephone.replace(/\s/g, "")}`, dir: "ltr" }, contact.telephone));
      list.append(card);
    }
    return [list];
  },
  needs: (data, context) => [table(context.label, [say("title"), say("themes"), say("status"), say("amount")],
    data.map((need) => [
      inLanguage(element("span", {}, need.title), need.locale),
      need.themes.map((code) => context.themes[code] || code).join(", "),
      need.status_label,
      need.amount_usd ? number(need.amount_usd) : "—",
    ]))],
  projects: (data, context) => [table(context.label, [say("code"), say("title"), say("status"), say("period")],
    data.map((project) => [
      element("span", { dir: "ltr" }, project.code),
      inLanguage(element("span", {}, project.title), project.locale),
      project.status_label,
      element("span", { dir: "ltr" }, [project.start_date, project.end_date].filter(Boolean).join(" – ") || "—"),
    ]))],
};

async function showCountry(code) {
  const [country, profile, themes] = await Promise.all([
    get(`/api/v2/countries/${encodeURIComponent(code)}/`),
    get(`/api/v2/countries/${encodeURIComponent(code)}/profile/`),
    get("/api/v2/themes/", { limit: 100 }),
  ]);
  const themeNames = Object.fromEntries(themes.items.map((theme) => [theme.code, theme.name]));
  const regions = [country.region, country.sub_region, country.intermediate_region].filter(Boolean);
  const parts = [
    element("h1", {}, country.name), fallbackNotice({ is_fallback: country.is_fallback }),
    element("dl", {},
      element("dt", {}, say("region")), element("dd", { class: "regions" }, regions.map((r) => r.name).join(" › ")),
      element("dt", {}, say("groups")), element("dd", { class: "groups" }, country.groups.map((g) => g.toUpperCase()).join(", ") || "—")),
  ];
  const sections = element("div", { class: "profile", role: "region", "aria-label": say("profile") });
  for (const part of profile.sections) {
    const render = PROFILE_SECTIONS[part.name];
    if (!render) continue;  // a section this consumer does not know yet
    const empty = !part.data || (Array.isArray(part.data) && !part.data.length);
    const content = empty ? [nothing()] : render(part.data, { label: part.label, themes: themeNames });
    sections.append(section(part.name, part.label, ...content));
  }
  parts.push(sections);
  return parts;
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
