"""The call card: what a person holds in one hand during the call. Whom to call and the number,
the time, the opening sentence and a short script in the plan's own words, the prepared answers,
the names to suggest, and the way to the call log. It says "not ready" from the same steps the
plan and the printed script show (``page.plan_steps``)."""

import re

from decisions.call import script
from decisions.call.page import plan_url, print_page

# The card keeps the script short enough to read at a glance during the call: about 120 words
# (the drafted opening, news, apology and closing fit).
CARD_WORDS = 125
# Always on the card, whatever their length: they carry the news.
ALWAYS = ("opening", "news")
# Then, while they fit, in this order of need (shown in the script's own order).
# The reason has its own prepared answer ("They ask why"); the offer to help, the names below.
IF_ROOM = ("apology", "closing", "reason", "help_offer", "logistics")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def word_count(text: str) -> int:
    return len(text.split())


def first_sentence(text: str) -> tuple[str, str]:
    """``text`` split after its first sentence: (the sentence, the rest)."""
    parts = _SENTENCE_END.split(text.strip(), maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def short_script(parts: dict[str, tuple[str, str]]) -> dict:
    """The parts of the script the card shows, within about ``CARD_WORDS`` words, and what it
    leaves out. ``parts`` maps each part's field name to (its name, its text), in script order."""
    said = {name: label_text for name, label_text in parts.items() if label_text[1].strip()}
    kept = {name for name in ALWAYS if name in said}
    used = sum(word_count(said[name][1]) for name in kept)
    for name in IF_ROOM:
        if name in said and used + word_count(said[name][1]) <= CARD_WORDS:
            kept.add(name)
            used += word_count(said[name][1])
    total = sum(word_count(text) for _, text in said.values())
    return {
        "card_script": [(name, *said[name]) for name in said if name in kept],
        "card_words": used,
        "script_words": total,
        "left_out": [said[name][0] for name in said if name not in kept],
    }


def card_page(decision, plan, today) -> dict:
    """The card: what the printed script shows (``page.print_page``), shortened for one hand."""
    context = print_page(decision, plan, today)
    parts = dict(zip(script.SCRIPT_SECTIONS, context["script"], strict=True))
    short = short_script(parts)
    # The first words to say: the first sentence of the first part written (the opening).
    first = short["card_script"][0][2] if short["card_script"] else ""
    sentence, rest = first_sentence(first)
    return {
        **context,
        **short,
        "first_sentence": sentence,
        "first_rest": rest,
        "plan_url": plan_url(decision),
    }
