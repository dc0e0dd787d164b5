"""The result page's bar chart of weighted scores, laid out for an inline SVG.

Geometry only: the template draws it, ``decisions.wizard.result`` knows nothing of it."""

from dataclasses import dataclass
from decimal import Decimal

# In SVG user units; the chart scales to the page's width.
WIDTH = 400
LABEL_HEIGHT = 27  # room for the offer's name above its bar
BAR_HEIGHT = 24
ROW_HEIGHT = 62
BAR_MAX = 330


@dataclass(frozen=True)
class Bar:
    label: str
    score: Decimal
    leads: bool
    label_y: int
    y: int
    width: int
    score_x: int
    score_y: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int = WIDTH
    bar_max: int = BAR_MAX
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return len(self.bars) * ROW_HEIGHT


def score_chart(offer_results) -> Chart:
    """One bar per offer, best first, as ``result.Result.offers`` lists them."""
    bars = []
    for row, item in enumerate(offer_results):
        y = row * ROW_HEIGHT + LABEL_HEIGHT
        width = round(BAR_MAX * item.score / 100)
        label = item.offer.company + (" (your commitment)" if item.committed else "")
        bars.append(
            Bar(
                label=label,
                score=item.score,
                leads=item.leads,
                label_y=y - 7,
                y=y,
                width=width,
                score_x=width + 6,
                score_y=y + BAR_HEIGHT - 6,
            )
        )
    return Chart(bars)
