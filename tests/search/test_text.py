"""Language-aware normalisation: what makes a search find other forms of the same word."""

import pytest

from search.highlight import snippet
from search.text import terms, vocabulary_of


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("en", "weapons", "weapon"),
        ("en", "marking", "marked"),
        ("fr", "sécurités", "sécurité"),
        ("fr", "armes", "arme"),
        ("es", "transferencias", "transferencia"),
        ("es", "destrucciones", "destrucción"),
        ("ru", "оружия", "оружие"),
        ("ru", "маркировки", "маркировка"),
        ("ar", "والأسلحة", "الأسلحة"),
        ("ar", "بالأسلحة", "الأسلحة"),
    ],
)
def test_inflected_forms_share_their_index_term(language, one, other):
    assert terms(one, language) == terms(other, language)


def test_accents_do_not_separate_french_words():
    assert terms("securite", "fr") == terms("sécurité", "fr")


def test_chinese_without_spaces_is_indexed_as_overlapping_bigrams():
    assert terms("小武器", "zh-hans") == ["小武", "武器"]
    assert set(terms("武器", "zh-hans")) <= set(terms("小武器和轻武器非法贸易", "zh-hans"))


def test_a_snippet_marks_other_forms_of_the_query_words_and_escapes_the_rest():
    text = "Marked <b>firearms</b> and the marking of weapons."
    result = snippet(text, "mark weapon", "en")
    assert result.count("<mark>") == 3
    assert "<mark>Marked</mark>" in result and "<mark>weapons</mark>" in result
    assert "&lt;b&gt;" in result and "<b>" not in result


def test_a_chinese_snippet_marks_only_the_matched_characters():
    result = snippet("制止小武器和轻武器非法贩运", "武器", "zh-hans")
    assert result == "制止小<mark>武器</mark>和轻<mark>武器</mark>非法贩运"


def test_a_long_text_is_cut_around_the_first_match():
    text = "filler " * 100 + "tracing of illicit weapons" + " filler" * 100
    result = snippet(text, "tracing", "en", width=120)
    assert result.startswith("…") and result.endswith("…")
    assert "<mark>tracing</mark>" in result
    assert len(result) < 200


def test_the_vocabulary_of_did_you_mean_is_every_word_of_three_letters_or_more_lower_cased():
    texts = ["Stockpile management, of arms", "L'État; 武器 marquage", "x"]
    assert vocabulary_of(texts) == {"stockpile", "management", "arms", "l'état", "marquage"}
