"""Language-aware text normalisation shared by the database backend and the highlighter.

Words are lower-cased, stemmed with the Snowball stemmer of their language and stripped of
diacritics, so "sécurité" finds "securites" and "оружия" finds "оружие". Chinese has no
spaces between words: runs of Han characters become overlapping bigrams, the usual
dictionary-free way of indexing it.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

SNOWBALL_LANGUAGES = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "ar": "arabic",
}
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN_PATTERN = re.compile(rf"[{HAN}]+|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
HAN_RUN = re.compile(rf"^[{HAN}]+$")
ARABIC_CONJUNCTION = ("وال", "وبال", "ولل")


@lru_cache(maxsize=8)
def stemmer(language_code):
    name = SNOWBALL_LANGUAGES.get(language_code)
    return snowballstemmer.stemmer(name) if name else None


def fold(word):
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def han_bigrams(run):
    if len(run) == 1:
        return [run]
    return [run[index : index + 2] for index in range(len(run) - 1)]


def words(text):
    """The words of a text with their character spans: [(word, start, end)]."""
    return [(match.group(), match.start(), match.end()) for match in TOKEN_PATTERN.finditer(text)]


def vocabulary_of(texts):
    """The lower-cased words of more than two letters of some texts, as a set.

    One pass of the pattern over all the texts at once, without the spans `words` computes:
    "did you mean" reads thousands of titles and bodies per query.
    """
    distinct = set(TOKEN_PATTERN.findall("\n".join(texts)))  # before the slower Python loop
    return {word.lower() for word in distinct if len(word) > 2}


def normalise_word(word, language_code):
    """Index terms for one word (several for a run of Han characters)."""
    if HAN_RUN.match(word):
        return han_bigrams(word)
    return [stem(word.lower(), language_code)]


@lru_cache(maxsize=100_000)
def stem(word, language_code):
    # Cached: Snowball runs in pure Python and dominated indexing and snippets, while the
    # vocabulary of the field is small and repeats.
    if language_code != "ru":
        # Folded before stemming, so "securite" and "sécurité" stem alike; Russian keeps
        # й and ё, which its stemmer needs.
        word = fold(word)
    if language_code == "ar" and word.startswith(ARABIC_CONJUNCTION):
        # Snowball keeps the conjunction و before the article: والأسلحة → الأسلحة first.
        word = word[1:]
    language_stemmer = stemmer(language_code)
    if language_stemmer:
        word = language_stemmer.stemWord(word)
    return fold(word)


def terms(text, language_code):
    """The index terms of a text, in order."""
    result = []
    for word, _start, _end in words(text or ""):
        result.extend(normalise_word(word, language_code))
    return result


def han_to_bigram_text(text):
    """Text with every run of Han characters replaced by its space-separated bigrams."""
    return re.sub(rf"[{HAN}]+", lambda match: " ".join(han_bigrams(match.group())) + " ", text)
