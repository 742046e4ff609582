"""The same project (or need) recorded twice: under two codes written differently, by two
sources, or in two languages.

Records are compared on what survives a change of source or spelling, never on exact text:

- codes are normalised: letters upper case, numbers without leading zeros, separators
  dropped ("UNSCAR-2021/04", "unscar 2021-4" and "UNSCAR 2021 04" are all UNSCAR-2021-4);
- titles and objectives are compared by character trigrams (Dice coefficient) and by words
  (Jaccard), after accents, case and punctuation are removed - no word list of any one
  language, so Arabic, Chinese or Russian texts compare as well as English ones; every
  language version of one record is compared with every version of the other, so a project
  recorded in French by one source and in English with a French translation by another
  still meets its twin;
- countries, funders and periods must not contradict each other: two records sharing no
  country, with different known funders, or over periods that do not overlap are never
  the same project.

Two records are reported when their codes are the same once normalised (and their titles or
countries agree), or when their titles are near-identical (TITLE_ALIKE), or alike
(TITLE_SIMILAR) with near-identical objectives. Two different projects of one funder in one
country differ in title and objective, and are not reported.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from django.utils.translation import gettext as _

TITLE_ALIKE = 0.8
TITLE_SIMILAR = 0.5
OBJECTIVE_ALIKE = 0.75
WORD = re.compile(r"\w+")
CODE_PART = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class Candidate:
    """What the detector reads of a project or a need."""

    key: str  # how the report or the importer names the record (a code, "#12", "line 4")
    code: str = ""
    titles: tuple = ()  # every language version
    objectives: tuple = ()
    countries: frozenset = frozenset()
    funders: frozenset = frozenset()  # normalised names or codes
    start: date | None = None
    end: date | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Duplicate:
    first: Candidate
    second: Candidate
    reasons: tuple

    @property
    def reason(self):
        return "; ".join(self.reasons)


def plain(text):
    """Text without accents, case or punctuation: what every language keeps of a spelling."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(WORD.findall(text.replace("_", " ")))


def code_key(code):
    """UNSCAR-2021/04 and unscar 2021-4 -> UNSCAR-2021-4; "" when there is no code."""
    text = unicodedata.normalize("NFKD", str(code or ""))
    parts = [str(int(part)) if part.isdigit() else part.upper() for part in CODE_PART.findall(text)]
    return "-".join(parts)


def code_keys(code):
    """The code's normalised forms: by its parts (UNSCAR-2021-4) and without separators
    (INT/13/001 and INT13001 are INT13001); a code with no digit names no one project."""
    joined = "".join(CODE_PART.findall(unicodedata.normalize("NFKD", str(code or "")))).upper()
    if not any(char.isdigit() for char in joined):
        return set()
    return {code_key(code), joined}


def numbers(text):
    """The numbers of a title (an edition, a year, a phase): language-independent."""
    return {str(int(part)) for part in re.findall(r"\d+", plain(text))}


def trigrams(text):
    padded = f" {text} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}


def text_similarity(first, second):
    """From 0 to 1: the better of character-trigram Dice and word Jaccard similarity."""
    first, second = plain(first), plain(second)
    if not first or not second:
        return 0.0
    if first == second:
        return 1.0
    grams_a, grams_b = trigrams(first), trigrams(second)
    dice = 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))
    words_a, words_b = set(first.split()), set(second.split())
    jaccard = len(words_a & words_b) / len(words_a | words_b)
    return max(dice, jaccard)


def best_similarity(texts_a, texts_b):
    return max(
        (text_similarity(a, b) for a in texts_a if a for b in texts_b if b),
        default=0.0,
    )


def _overlap(first, second):
    if None in (first.start, first.end, second.start, second.end):
        return None
    return first.start <= second.end and second.start <= first.end


def _numbered_differently(first, second):
    """Titles numbering different editions or years (7th / 8th forum, 2014 / 2015)."""
    numbers_a = set().union(*(numbers(title) for title in first.titles))
    numbers_b = set().union(*(numbers(title) for title in second.titles))
    return bool(numbers_a) and bool(numbers_b) and numbers_a.isdisjoint(numbers_b)


def compare(first, second):
    """A Duplicate with its reasons when the two records look like one, else None.

    Countries that do not meet, or periods that do not overlap, always tell two records
    apart. Funders named differently (two sources name one funder in their own words), or
    titles numbering different editions, tell them apart unless the codes are the same.
    """
    if first.countries and second.countries and first.countries.isdisjoint(second.countries):
        return None
    overlap = _overlap(first, second)
    if overlap is False:
        return None
    same_code = bool(code_keys(first.code) & code_keys(second.code))
    title = best_similarity(first.titles, second.titles)
    objective = best_similarity(first.objectives, second.objectives)
    shared = first.countries & second.countries
    reasons = []
    if same_code and (title >= TITLE_SIMILAR or shared):
        reasons.append(
            _("the codes %(first)s and %(second)s are the same once normalised")
            % {"first": first.code, "second": second.code}
        )
    elif (first.funders and second.funders and first.funders.isdisjoint(second.funders)) or (
        _numbered_differently(first, second)
    ):
        return None
    if title >= TITLE_ALIKE or (title >= TITLE_SIMILAR and objective >= OBJECTIVE_ALIKE):
        reasons.append(_("titles %(percent)d%% alike") % {"percent": round(title * 100)})
        if objective >= OBJECTIVE_ALIKE:
            reasons.append(
                _("objectives %(percent)d%% alike") % {"percent": round(objective * 100)}
            )
    if not reasons:
        return None
    if shared:
        reasons.append(_("same country: %(countries)s") % {"countries": ", ".join(sorted(shared))})
    if first.funders & second.funders:
        reasons.append(_("same funder"))
    if overlap:
        reasons.append(_("overlapping periods"))
    return Duplicate(first, second, tuple(reasons))


def _blocks(candidate):
    """Only records sharing a block can be duplicates: a country (or none known), a code."""
    blocks = {("country", code) for code in candidate.countries} or {("country", "")}
    blocks.update(("code", key) for key in code_keys(candidate.code))
    return blocks


def find_duplicates(candidates, existing=()):
    """Pairs among `candidates`, and between a candidate and an `existing` record (listed
    first in the pair), in the order of the candidates."""
    candidates, existing = list(candidates), list(existing)
    members = {}
    for position, candidate in enumerate(existing + candidates):
        for block in _blocks(candidate):
            members.setdefault(block, []).append(position)
    pairs = set()
    for positions in members.values():
        pairs.update(combinations(positions, 2))
    records = existing + candidates
    found = []
    for first, second in sorted(pairs, key=lambda pair: (pair[1], pair[0])):
        if second < len(existing):
            continue  # two existing records: not this import's business
        duplicate = compare(records[first], records[second])
        if duplicate:
            found.append(duplicate)
    return found


# Candidates from records -----------------------------------------------------------------


def funder_key(text):
    return plain(text)


def _versions(record, name):
    texts = [getattr(record, name, "")]
    for translated in (getattr(record, "translations", None) or {}).values():
        if isinstance(translated, dict) and translated.get(name):
            texts.append(translated[name])
    return tuple(text for text in texts if text)


def project_candidate(project):
    """A Project (prefetch focus_countries and implementing_organisation)."""
    funders = {funder_key(project.funding_source)} - {""}
    return Candidate(
        key=project.code,
        code=project.code,
        titles=_versions(project, "title"),
        objectives=tuple(
            text for text in (project.objective, project.expectations, project.description) if text
        )[:1],
        countries=frozenset(country.code for country in project.focus_countries.all()),
        funders=frozenset(funders),
        start=project.start_date,
        end=project.end_date,
        extra={"pk": project.pk},
    )


def record_candidate(record, key=None):
    """A ProjectRecord read from a listing or a table."""
    return Candidate(
        key=key or record.code,
        code=record.code,
        titles=(record.title,),
        objectives=tuple(
            text for text in (record.objective, record.expectations, record.summary) if text
        )[:1],
        countries=frozenset(record.focus_countries),
        funders=frozenset({funder_key(record.funding_source)} - {""}),
        start=record.start_date,
        end=record.end_date,
        extra={"line": record.line},
    )
