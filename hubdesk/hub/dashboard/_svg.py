"""Charts drawn on the server as SVG: no script, no library, nothing fetched from elsewhere.

Each chart is an ``<svg role="img">`` with a title and a description a screen reader reads; the
page always puts the same figures in a table beside it, which is what prints and what a person
without sight uses. Colours come from a palette that stays distinct for common colour blindness.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from html import escape

PALETTE = ("#0b5cad", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7a5195", "#444444")
W, H = 760, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 46


def _frame(title: str, desc: str, body: str, height: int = H) -> str:
    ident = f"c{zlib.crc32((title + desc).encode()):08x}"  # unique per chart on a page, stable across renders
    return (
        f'<svg class="chart" viewBox="0 0 {W} {height}" role="img" aria-labelledby="{ident}t {ident}d" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{ident}t">{escape(title)}</title>'
        f'<desc id="{ident}d">{escape(desc)}</desc>{body}</svg>'
    )


def _nice_max(value: float) -> float:
    """A top for a count axis with four whole, round steps (4, 8, 20, 40, 100, 200 ...)."""
    raw = max(value, 1) / 4
    exp = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * exp and m * exp >= 1:
            return float(4 * m * exp)
    return float(4 * 10 * exp)


def _axes(ymax: float, labels: Sequence[str], percent: bool, height: int) -> str:
    plot_h = height - TOP - BOTTOM
    out = []
    for i in range(5):
        v = ymax * i / 4
        y = TOP + plot_h - plot_h * i / 4
        text = f"{v:.0%}" if percent else f"{v:,.0f}"
        out.append(f'<line class="grid" x1="{LEFT}" x2="{W - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="ylab" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{text}</text>')
    n = len(labels)
    longest = max((len(label) for label in labels), default=1)
    every = max(1, math.ceil(n * (longest * 6.5 + 8) / (W - LEFT - RIGHT)))  # labels never overlap
    for i, label in enumerate(labels):
        if i % every:
            continue
        x = _x(i, n)
        out.append(
            f'<text class="xlab" x="{x:.1f}" y="{height - BOTTOM + 16}" text-anchor="middle">{escape(label)}</text>'
        )
    return "".join(out)


def _x(i: int, n: int) -> float:
    span = W - LEFT - RIGHT
    return LEFT + (span * (i + 0.5) / n if n else 0)


def bars(title: str, desc: str, labels: Sequence[str], values: Sequence[float]) -> str:
    """A bar per label (weeks, lessons)."""
    n = len(values)
    ymax = _nice_max(max(values, default=0))
    plot_h = H - TOP - BOTTOM
    width = (W - LEFT - RIGHT) / max(n, 1) * 0.7
    body = [_axes(ymax, labels, False, H)]
    for i, v in enumerate(values):
        h = plot_h * v / ymax
        x = _x(i, n) - width / 2
        body.append(
            f'<rect class="bar" x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{width:.1f}" height="{h:.1f}" '
            f'fill="{PALETTE[0]}"><title>{escape(labels[i])}: {v:,.0f}</title></rect>'
        )
    return _frame(title, desc, "".join(body))


def lines(title: str, desc: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]) -> str:
    """Share curves (0..1), one line per named series, with a legend under the plot."""
    n = len(labels)
    plot_h = H - TOP - BOTTOM
    legend_rows = (len(series) + 3) // 4
    height = H + 18 * legend_rows
    body = [_axes(1.0, labels, True, H)]
    for s, (name, values) in enumerate(series):
        colour = PALETTE[s % len(PALETTE)]
        dash = ' stroke-dasharray="6 3"' if s >= len(PALETTE) // 2 else ""
        points = [(_x(i, n), TOP + plot_h - plot_h * v) for i, v in enumerate(values) if v is not None]
        if points:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            body.append(f'<polyline class="line" points="{path}" stroke="{colour}"{dash} fill="none"/>')
            body.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in points)
        lx = LEFT + (s % 4) * 180
        ly = H + 4 + 18 * (s // 4)
        body.append(f'<line x1="{lx}" x2="{lx + 22}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="3"{dash}/>')
        body.append(f'<text class="legend" x="{lx + 28}" y="{ly + 4}">{escape(name[:24])}</text>')
    return _frame(title, desc, "".join(body), height)
