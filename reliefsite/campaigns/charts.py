"""The running total over time as inline SVG geometry, computed server-side (no JavaScript).

build_chart() turns (as_of, amount, donors) rows into coordinates the template draws: one panel for
the amount, one for the donors, sharing the time axis. However many reports a campaign has, at most
MAX_POINTS are drawn: TotalReportQuerySet.chart_rows() picks them with sample_indices(), always
keeping the first, the last and the highest.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from reliefsite.quantities import format_quantity

MAX_POINTS = 100
MARKERS_UP_TO = 40  # beyond this, dots would merge into a smear: draw the line only
# Narrow on purpose: the SVG scales to a phone's width and its 15-unit text must stay legible.
WIDTH, HEIGHT = 400, 320
LEFT, RIGHT = 28, 8
PANELS = ((36, 136), (184, 284))  # (top, bottom) of the amount and donors panels


def sample_indices(count, limit=MAX_POINTS, keep=()):
    """Indices of at most `limit` of `count` rows, in order: evenly spread, plus the first, the
    last and the indices in `keep`."""
    if count <= limit:
        return list(range(count))
    keep = {0, count - 1, *keep}
    spread = limit - len(keep)
    step = (count - 1) / max(spread - 1, 1)
    keep.update(round(i * step) for i in range(spread))
    # Rounding may collide with kept indices; trim evenly chosen ones, never the must-keeps.
    chosen = sorted(keep)
    while len(chosen) > limit:
        chosen.pop(len(chosen) // 2)
    return chosen


@dataclass
class Series:
    label: str
    top: int
    bottom: int
    max_label: str
    points: str = ""
    markers: list = field(default_factory=list)
    count: int = 0


def _series(label, unit, samples, value_index, xs, top, bottom):
    pairs = [
        (x, row[value_index]) for x, row in zip(xs, samples, strict=True) if row[value_index] is not None
    ]
    highest = max((value for _x, value in pairs), default=0)
    scale = (bottom - top) / float(highest) if highest else 0
    coords = [(round(x, 1), round(bottom - float(value) * scale, 1)) for x, value in pairs]
    series = Series(label, top, bottom, format_quantity(highest, unit) if pairs else "")
    series.points = " ".join(f"{x},{y}" for x, y in coords)
    series.markers = coords if len(coords) <= MARKERS_UP_TO else []
    series.count = len(coords)
    return series


def build_chart(samples, moment_label, total=None):
    """samples: the (as_of, amount, donors) rows to draw, in time order (chart_rows() picks at most
    MAX_POINTS); moment_label(as_of) prints an x-axis date; total: how many reports there are, when
    `samples` is a sample of them.

    Returns None when there is nothing to draw.
    """
    if not samples:
        return None
    first, last = samples[0][0], samples[-1][0]
    span = (last - first).total_seconds()
    plot = WIDTH - LEFT - RIGHT
    xs = [LEFT + ((row[0] - first).total_seconds() / span * plot if span else plot / 2) for row in samples]
    (amount_top, amount_bottom), (donors_top, donors_bottom) = PANELS
    amount = _series(_("累计善款"), "元", samples, 1, xs, amount_top, amount_bottom)
    donors = _series(_("捐款人数"), "名", samples, 2, xs, donors_top, donors_bottom)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "label_x": LEFT - 6,
        "right": WIDTH - RIGHT,
        "series": [s for s in (amount, donors) if s.count],
        "first_label": moment_label(first),
        "last_label": moment_label(last),
        "axis_y": HEIGHT - 12,
        "drawn": len(samples),
        "total": len(samples) if total is None else total,
    }
