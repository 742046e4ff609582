"""Quiz questions as xAPI 1.0.3 interaction activities (cmi.interaction) and learners'
answers as interaction responses, in the formats of the xAPI specification (Data, 2.4.4.1
"Interaction Activities" and 2.4.5 "Result": `[,]` between items, `[.]` inside a pair,
`[:]` between the bounds of a numeric range, `{case_matters=true}` before a fill-in
pattern where case counts).

Choice, source, target and step ids are the opaque ids the attempt showed the learner, so
that a response reads against the definition sent with it.
"""

from . import scoring

CMI_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"

INTERACTION_TYPES = {
    scoring.SINGLE_CHOICE: "choice",
    scoring.MULTIPLE_CHOICE: "choice",
    scoring.TRUE_FALSE: "true-false",
    scoring.MATCHING: "matching",
    scoring.ORDERING: "sequencing",
    scoring.SHORT_TEXT: "fill-in",
    scoring.NUMERIC: "numeric",
}


def _number(value):
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def _components(items, language):
    return [{"id": item["id"], "description": {language: item["text"]}} for item in items]


def _fill_in_pattern(text, case_sensitive):
    return ("{case_matters=true}" if case_sensitive else "") + text


def definition(question, language):
    """The activity definition of a question as asked in an attempt."""
    kind = question["type"]
    key = question["key"]
    result = {
        "type": CMI_INTERACTION,
        "name": {language: question["prompt"]},
        "interactionType": INTERACTION_TYPES[kind],
    }
    if kind in (scoring.SINGLE_CHOICE, scoring.MULTIPLE_CHOICE):
        result["choices"] = _components(question["options"], language)
        correct = key["correct"] if kind == scoring.MULTIPLE_CHOICE else [key["correct"]]
        result["correctResponsesPattern"] = ["[,]".join(correct)]
    elif kind == scoring.TRUE_FALSE:
        result["correctResponsesPattern"] = ["true" if key["correct"] else "false"]
    elif kind == scoring.MATCHING:
        result["source"] = _components(question["prompts"], language)
        result["target"] = _components(question["choices"], language)
        pairs = [f"{prompt}[.]{choice}" for prompt, choice in key["pairs"].items()]
        result["correctResponsesPattern"] = ["[,]".join(pairs)]
    elif kind == scoring.ORDERING:
        result["choices"] = _components(question["items"], language)
        result["correctResponsesPattern"] = ["[,]".join(key["order"])]
    elif kind == scoring.SHORT_TEXT:
        accepted = [text for text in key["accepted"] if text.strip()]
        if accepted:
            result["correctResponsesPattern"] = [
                _fill_in_pattern(text, key.get("case_sensitive")) for text in accepted
            ]
    elif kind == scoring.NUMERIC:
        tolerance = key.get("tolerance") or 0
        value = key["value"]
        result["correctResponsesPattern"] = [
            _number(value)
            if not tolerance
            else f"{_number(value - tolerance)}[:]{_number(value + tolerance)}"
        ]
    return result


def response(question, answer):
    """The learner's answer in the interaction's response format, or None when there is
    nothing to say (xAPI statements hold no empty strings)."""
    kind = question["type"]
    if answer is None:
        return None
    if kind == scoring.SINGLE_CHOICE:
        text = answer
    elif kind in (scoring.MULTIPLE_CHOICE, scoring.ORDERING):
        text = "[,]".join(answer)
    elif kind == scoring.TRUE_FALSE:
        text = "true" if answer else "false"
    elif kind == scoring.MATCHING:
        text = "[,]".join(f"{prompt}[.]{choice}" for prompt, choice in answer.items())
    elif kind == scoring.NUMERIC:
        text = _number(answer)
    else:
        text = answer
    return text or None
