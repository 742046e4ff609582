"""Read the free-text sections of reports written before the questionnaire into answers.

Each old section goes to the question that asks about its subject; its text is kept whole as
the answer's details (or as the answer, for text questions), so nothing is lost. A yes is
inferred only where the text states it in words (a licence for exports, a coordination body);
otherwise the question stays unanswered with the text beside it. Laws, SDG 16.4.2 figures and
assistance needs were already structured and become entries and numbers.

Works on raw StreamField data (lists of {"type", "value"}), so that a migration can use it.
"""

import html
import re
import uuid

from django.utils.html import strip_tags

# Old section -> (question whose answer or details take the text, words that state a yes).
SECTION_QUESTIONS = {
    "executive_summary": ("exec-summary", None),
    "national_coordination": ("poa-ii-4-coordination-agency", r"\bcoordinat"),
    "stockpile_management": ("poa-ii-17-stockpile-standards", None),
    "surplus_collection_destruction": ("poa-ii-18-surplus-identification", None),
    "marking_record_keeping_tracing": ("iti-11-records-kept", r"\b(recorded|register)"),
    "brokering": ("poa-ii-14-brokering-controls", None),
    "export_controls": ("poa-ii-11-export-authorisation", r"\blicen[cs]e"),
    "ddr": ("poa-ii-21-ddr", None),
    "border_control": ("poa-ii-27-cross-border", None),
    "public_awareness": ("poa-ii-20-awareness", r"\b(campaign|awareness)"),
    "regional_cooperation": ("poa-ii-25-regional-instruments", None),
    "gender": ("gender-policy", None),
    "diversion": ("diversion-post-shipment", None),
}
LAWS = "poa-ii-2-laws"
NEEDS = "poa-iii-needs"
SDG_SEIZED, SDG_TRACED = "sdg-1642-seized", "sdg-1642-traced"
# Words of a law's description that name the area it controls, in the template's order.
LAW_AREAS = [
    ("export", r"\bexport"),
    ("import", r"\bimport"),
    ("transit", r"\btransit"),
    ("retransfer", r"\bre-?transfer"),
    ("production", r"\b(manufactur|produc)"),
]


def plain_text(rich_text):
    """Paragraphs of a rich-text value as plain text, one blank line between them."""
    text = re.sub(r"</(p|li|h\d)>|<br\s*/?>", "\n\n", str(rich_text or ""))
    text = html.unescape(strip_tags(text))
    return "\n\n".join(part.strip() for part in text.split("\n\n") if part.strip())


def list_items(raw):
    """Items of a raw ListBlock value, in its old (plain) or new ({type, value}) format."""
    items = []
    for item in raw or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            item = item["value"]
        items.append(item)
    return items


def law_area(law, area_codes):
    described = f"{law.get('description', '')} {law.get('english_title', '')}".lower()
    for code, words in LAW_AREAS:
        if code in area_codes and re.search(words, described):
            return code
    return "other" if "other" in area_codes else None


def law_entry(law, area_codes):
    entry = {"id": str(uuid.uuid4()), "original_title": law.get("original_title", "")}
    area = law_area(law, area_codes)
    if area:
        entry["area"] = area
    for old, new in (("english_title", "english_title"), ("description", "description")):
        if law.get(old):
            entry[new] = law[old]
    if law.get("date"):
        entry["date"] = str(law["date"])
    if law.get("link"):
        entry["url"] = law["link"]
    return entry


def answer(value=None, details=""):
    return {"value": value, "details": details, "carried_over": False}


def answers_from_sections(raw_sections, questions, term_code):
    """Answers from the raw sections of a report.

    `questions` is {code: (answer type, item fields)} of the version; `term_code(kind, pk)`
    gives the code of a thematic area or form of assistance the old needs pointed at by id.
    """
    answers = {}
    for section in raw_sections or []:
        kind, value = section.get("type"), section.get("value")
        if kind == "legislation" and LAWS in questions:
            areas = choice_codes(questions[LAWS][1], "area")
            entries = [law_entry(law, areas) for law in list_items(value)]
            if entries:
                answers[LAWS] = answer(entries)
        elif kind == "sdg_16_4_2":
            notes = " ".join(
                part for part in (str(value.get("year") or ""), value.get("notes") or "") if part
            )
            for code, key in ((SDG_SEIZED, "seized"), (SDG_TRACED, "traced")):
                if code in questions and value.get(key) is not None:
                    answers[code] = answer(value[key], notes)
        elif kind == "international_assistance" and NEEDS in questions:
            entries = [
                {
                    "id": str(uuid.uuid4()),
                    "thematic_area": term_code("thematic_area", need.get("thematic_area")),
                    "assistance_form": term_code("assistance_form", need.get("assistance_form")),
                    "description": need.get("description", ""),
                }
                for need in list_items(value.get("needs"))
            ]
            narrative = plain_text(value.get("narrative"))
            if entries or narrative:
                answers[NEEDS] = answer(entries or None, narrative)
        elif kind in SECTION_QUESTIONS:
            code, yes_words = SECTION_QUESTIONS[kind]
            text = plain_text(value)
            if code not in questions or not text:
                continue
            answer_type = questions[code][0]
            if answer_type == "text":
                answers[code] = answer(text)
            elif answer_type == "yes_no_in_development":
                stated = yes_words and re.search(yes_words, text, re.IGNORECASE)
                answers[code] = answer("yes" if stated else None, text)
            else:
                answers[code] = answer(None, text)
    return answers


def choice_codes(item_fields, field_code):
    for field in item_fields or []:
        if field.get("code") == field_code:
            return {choice["code"] for choice in field.get("choices") or []}
    return set()
