"""The compare page's line chart of money so far, year by year, laid out for an inline SVG.

Geometry only: the template draws it. Lines differ by dash and marker shape as well as colour,
and each carries its offer's name at its end (``WIDE``) or in a legend beside a sample of its
line (``NARROW``), so no line is told apart by colour alone.

Its text must read at 12 CSS pixels or more however wide the page is. An SVG scales with its
box, so there are two layouts: ``WIDE`` (640 units across, 15-unit text, never drawn narrower
than about 520 pixels) and ``NARROW`` (300 units, 13-unit text, for phones down to 320 pixels).
The stylesheet shows the one that fits and caps how large each is drawn."""

from dataclasses import dataclass
from decimal import Decimal

STYLES = ("solid", "dashed", "dotted", "dashdot", "long")
MARKERS = ("circle", "square", "diamond")


@dataclass(frozen=True)
class Layout:
    name: str  # the stylesheet's name for it: "wide" or "narrow"
    width: int
    height: int
    left: int  # room for the amounts on the left
    right: int  # room for the offers' names at the lines' ends (none in a legend)
    top: int
    bottom: int
    names_at_ends: bool  # else in a legend, each beside a sample of its line
    label_gap: int = 0  # the least distance between two names at the lines' ends


WIDE = Layout("wide", 640, 300, 100, 160, 16, 40, names_at_ends=True, label_gap=18)
NARROW = Layout("narrow", 300, 220, 64, 20, 12, 36, names_at_ends=False)


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
    label: str  # the value as the axis writes it

    @property
    def text_y(self) -> int:  # the label's baseline, level with the line
        return self.y + 5


@dataclass(frozen=True)
class YearMark:
    x: int
    number: int


@dataclass(frozen=True)
class LineChart:
    series: tuple[Series, ...]
    ticks: tuple[Tick, ...]
    years: tuple[YearMark, ...]
    layout: Layout

    @property
    def width(self) -> int:
        return self.layout.width

    @property
    def height(self) -> int:
        return self.layout.height

    @property
    def left(self) -> int:
        return self.layout.left

    @property
    def plot_right(self) -> int:
        return self.layout.width - self.layout.right

    @property
    def bottom(self) -> int:
        return self.layout.height - self.layout.bottom

    @property
    def names(self) -> str:  # the offers' names, as the chart's description lists them
        return ", ".join(series.label for series in self.series)

    @property
    def axis_x(self) -> int:  # where the amounts on the left end
        return self.layout.left - 6

    @property
    def years_y(self) -> int:  # the baseline of the years under the plot
        return self.bottom + 20

    @property
    def names_x(self) -> int:  # where the names at the lines' ends start
        return self.plot_right + 8


def _step(top: Decimal) -> Decimal:
    """A round step so that about four steps reach ``top``: 1, 2 or 5 times a power of ten."""
    rough = top / 4
    power = Decimal(10) ** (len(str(int(rough))) - 1)
    for multiple in (1, 2, 5, 10):
        if power * multiple >= rough:
            return power * multiple
    return power * 10


def cumulative_chart(
    running: dict, labels: dict, layout: Layout = WIDE, tick_label=str
) -> LineChart | None:
    """``running`` maps each offer to its money so far at the end of each year; ``labels`` names
    them; ``tick_label`` writes an amount on the axis. None when there is nothing to draw (no
    offer, or no money at all)."""
    if not running:
        return None
    years = len(next(iter(running.values())))
    top = max((max(values) for values in running.values()), default=Decimal(0))
    if years == 0 or top <= 0:
        return None
    step = _step(top)
    ceiling = step * ((top + step - 1) // step)
    plot_width = layout.width - layout.right - layout.left
    plot_height = layout.height - layout.bottom - layout.top

    def x(year: int) -> int:  # year 0 is the start, on the left edge
        return layout.left + round(plot_width * year / years)

    def y(value: Decimal) -> int:
        return layout.height - layout.bottom - round(plot_height * value / ceiling)

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
        ends[index][0] = max(ends[index][0], ends[index - 1][0] + layout.label_gap)
    label_y = {number: end_y for end_y, number in ends}
    return LineChart(
        series=tuple(
            Series(
                label=labels[offer],
                points=points,
                style=STYLES[number % len(STYLES)],
                marker=MARKERS[number % len(MARKERS)],
                number=number % len(STYLES),
                label_y=label_y[number] + 5,
            )
            for offer, points, number in series
        ),
        ticks=tuple(
            Tick(y(step * i), step * i, tick_label(step * i))
            for i in range(int(ceiling / step) + 1)
        ),
        years=tuple(YearMark(x(year), year) for year in range(1, years + 1)),
        layout=layout,
    )
