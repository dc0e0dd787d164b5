"""The compare page's line chart of money so far, year by year, laid out for an inline SVG.

Geometry only: the template draws it. Lines differ by dash and marker shape as well as colour,
and each carries its offer's name at its end, so no line is told apart by colour alone."""

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 640
HEIGHT = 300
LEFT = 90  # room for the amounts on the left
RIGHT = 150  # room for the offers' names at the lines' ends
TOP = 16
BOTTOM = 40
STYLES = ("solid", "dashed", "dotted", "dashdot", "long")
MARKERS = ("circle", "square", "diamond")


@dataclass(frozen=True)
class Point:
    x: int
    y: int
    value: Decimal


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[Point, ...]
    style: str
    marker: str
    number: int
    label_y: int

    @property
    def path(self) -> str:
        return " ".join(f"{point.x},{point.y}" for point in self.points)


@dataclass(frozen=True)
class Tick:
    y: int
    value: Decimal


@dataclass(frozen=True)
class YearMark:
    x: int
    number: int


@dataclass(frozen=True)
class LineChart:
    series: tuple[Series, ...]
    ticks: tuple[Tick, ...]
    years: tuple[YearMark, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    bottom: int = HEIGHT - BOTTOM


def _step(top: Decimal) -> Decimal:
    """A round step so that about four steps reach ``top``: 1, 2 or 5 times a power of ten."""
    rough = top / 4
    power = Decimal(10) ** (len(str(int(rough))) - 1)
    for multiple in (1, 2, 5, 10):
        if power * multiple >= rough:
            return power * multiple
    return power * 10


def cumulative_chart(running: dict, labels: dict) -> LineChart | None:
    """``running`` maps each offer to its money so far at the end of each year; ``labels`` names
    them. None when there is nothing to draw (no offer, or no money at all)."""
    if not running:
        return None
    years = len(next(iter(running.values())))
    top = max((max(values) for values in running.values()), default=Decimal(0))
    if years == 0 or top <= 0:
        return None
    step = _step(top)
    ceiling = step * ((top + step - 1) // step)
    plot_width = WIDTH - RIGHT - LEFT
    plot_height = HEIGHT - BOTTOM - TOP

    def x(year: int) -> int:  # year 0 is the start, on the left edge
        return LEFT + round(plot_width * year / years)

    def y(value: Decimal) -> int:
        return HEIGHT - BOTTOM - round(plot_height * value / ceiling)

    series = []
    ends = []
    for number, (offer, values) in enumerate(running.items()):
        points = (Point(x(0), y(Decimal(0)), Decimal(0)),) + tuple(
            Point(x(year), y(value), value) for year, value in enumerate(values, start=1)
        )
        ends.append([points[-1].y, number])
        series.append((offer, points, number))
    # Names at the lines' ends, pushed apart so they never overlap.
    ends.sort()
    for index in range(1, len(ends)):
        ends[index][0] = max(ends[index][0], ends[index - 1][0] + 16)
    label_y = {number: end_y for end_y, number in ends}
    return LineChart(
        series=tuple(
            Series(
                label=labels[offer],
                points=points,
                style=STYLES[number % len(STYLES)],
                marker=MARKERS[number % len(MARKERS)],
                number=number % len(STYLES),
                label_y=label_y[number] + 4,
            )
            for offer, points, number in series
        ),
        ticks=tuple(Tick(y(step * i), step * i) for i in range(int(ceiling / step) + 1)),
        years=tuple(YearMark(x(year), year) for year in range(1, years + 1)),
    )
