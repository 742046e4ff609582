"""The question bank: one StreamField block per question type, validated per type, and the
snapshot of a question as it is put to a learner (shuffled, with its answer key kept apart).

Block ids are kept by wagtail-localize across translations, so a question has the same id in
every language; attempts and reports refer to questions by that id.
"""

import random
import secrets

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import scoring


class QuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("question"))
    points = blocks.IntegerBlock(label=_("points"), default=1, min_value=1, max_value=100)
    feedback = blocks.TextBlock(
        label=_("explanation"),
        required=False,
        help_text=_("Shown with the correct answer, when the quiz allows it."),
    )

    def invalid(self, message):
        raise blocks.StructBlockValidationError(
            non_block_errors=ErrorList([ValidationError(message)])
        )

    def key_and_presentation(self, value, rng, shuffle):
        """The answer key and what the learner sees, for this block's value."""
        raise NotImplementedError


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("option"))
    correct = blocks.BooleanBlock(label=_("correct"), required=False)


def opaque_ids(count):
    """Identifiers for the items of one question in one attempt.

    Random, so they carry nothing about the answer: neither the bank order (in which the
    correct order of an ordering question is written) nor which choice pairs with which prompt.
    """
    ids = set()
    while len(ids) < count:
        ids.add(secrets.token_hex(4))
    return list(ids)


def options_of(value, rng, shuffle):
    ids = opaque_ids(len(value))
    options = [{"id": ids[index], "text": option["text"]} for index, option in enumerate(value)]
    correct = [ids[index] for index, option in enumerate(value) if option["correct"]]
    if shuffle:
        rng.shuffle(options)
    return options, correct


class SingleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(ChoiceOptionBlock(), min_num=2, label=_("options"))

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            self.invalid(_("Mark exactly one option as correct."))
        return value

    def key_and_presentation(self, value, rng, shuffle):
        options, correct = options_of(value["options"], rng, shuffle)
        return {"correct": correct[0]}, {"options": options}

    class Meta:
        label = _("Single choice")
        icon = "radio-full"


class MultipleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(ChoiceOptionBlock(), min_num=2, label=_("options"))
    partial_credit = blocks.BooleanBlock(
        label=_("partial credit"),
        required=False,
        help_text=_("Each correct option earns a share of the points; each wrong one takes one."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            self.invalid(_("Mark at least one option as correct."))
        return value

    def key_and_presentation(self, value, rng, shuffle):
        options, correct = options_of(value["options"], rng, shuffle)
        key = {"correct": correct, "partial_credit": bool(value["partial_credit"])}
        return key, {"options": options}

    class Meta:
        label = _("Multiple choice")
        icon = "tick-inverse"


class TrueFalseBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(
        choices=[("true", _("True")), ("false", _("False"))], label=_("correct answer")
    )

    def key_and_presentation(self, value, rng, shuffle):
        return {"correct": value["answer"] == "true"}, {}

    class Meta:
        label = _("True or false")
        icon = "help"


class MatchingPairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("prompt"))
    match = blocks.CharBlock(label=_("matching answer"))


class MatchingBlock(QuestionBlock):
    pairs = blocks.ListBlock(MatchingPairBlock(), min_num=2, label=_("pairs"))

    def key_and_presentation(self, value, rng, shuffle):
        pairs = list(value["pairs"])
        prompt_ids, choice_ids = opaque_ids(len(pairs)), opaque_ids(len(pairs))
        prompts = [{"id": prompt_ids[i], "text": pair["prompt"]} for i, pair in enumerate(pairs)]
        choices = [{"id": choice_ids[i], "text": pair["match"]} for i, pair in enumerate(pairs)]
        # The choices are always shuffled: in bank order they would give the answer away.
        rng.shuffle(choices)
        if shuffle:
            rng.shuffle(prompts)
        key = {"pairs": dict(zip(prompt_ids, choice_ids, strict=True))}
        return key, {"prompts": prompts, "choices": choices}

    class Meta:
        label = _("Matching")
        icon = "link"


class OrderingBlock(QuestionBlock):
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("item")),
        min_num=2,
        label=_("items in the correct order"),
    )

    def key_and_presentation(self, value, rng, shuffle):
        ids = opaque_ids(len(value["items"]))
        items = [{"id": ids[index], "text": text} for index, text in enumerate(value["items"])]
        key = {"order": [item["id"] for item in items]}
        shown = list(items)
        # Never show the items already in order (unless there is no other order).
        while len({item["text"] for item in items}) > 1 and shown == items:
            rng.shuffle(shown)
        return key, {"items": shown}

    class Meta:
        label = _("Ordering")
        icon = "order"


class ShortTextBlock(QuestionBlock):
    accepted_answers = blocks.ListBlock(
        blocks.CharBlock(label=_("accepted answer")), min_num=1, label=_("accepted answers")
    )
    case_sensitive = blocks.BooleanBlock(label=_("case sensitive"), required=False)

    def key_and_presentation(self, value, rng, shuffle):
        key = {
            "accepted": list(value["accepted_answers"]),
            "case_sensitive": bool(value["case_sensitive"]),
        }
        return key, {}

    class Meta:
        label = _("Short text")
        icon = "pilcrow"


class NumericBlock(QuestionBlock):
    answer = blocks.FloatBlock(label=_("correct answer"))
    tolerance = blocks.FloatBlock(
        label=_("tolerance"),
        default=0,
        min_value=0,
        help_text=_("Answers within this distance of the correct answer count as correct."),
    )
    unit = blocks.CharBlock(label=_("unit"), required=False)

    def key_and_presentation(self, value, rng, shuffle):
        key = {"value": value["answer"], "tolerance": value["tolerance"] or 0}
        return key, {"unit": value["unit"] or ""}

    class Meta:
        label = _("Numeric")
        icon = "decimal"


class QuestionBankBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    matching = MatchingBlock()
    ordering = OrderingBlock()
    short_text = ShortTextBlock()
    numeric = NumericBlock()


assert set(QuestionBankBlock.base_blocks) == set(scoring.QUESTION_TYPES)


def as_asked(bound_block, rng=None, shuffle=False):
    """The snapshot of one bank question as put to a learner, with its answer key."""
    rng = rng or random.Random()
    value = bound_block.value
    key, presentation = bound_block.block.key_and_presentation(value, rng, shuffle)
    return {
        "id": bound_block.id,
        "type": bound_block.block_type,
        "prompt": value["prompt"],
        "points": value["points"] or 1,
        **presentation,
        "key": key,
        "feedback": value["feedback"] or "",
    }


PRIVATE_FIELDS = ("key", "feedback")


def without_key(question):
    """What the learner may see before the answers are shown."""
    return {name: value for name, value in question.items() if name not in PRIVATE_FIELDS}
