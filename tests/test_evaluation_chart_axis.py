"""The evaluation chart with one model (or several of one size) has sensible axes: a range of
real width around the point, several readable ticks, and the value itself next to the point.
A real pyqtgraph chart widget, fed result records of the shape the evaluation store keeps."""

from __future__ import annotations

import pytest

from chatdesk.ui.evaluation.evaluation_chart import EvaluationChart


def record(size_mb: float, perplexity: float, error: float, gen: float, file_type: str = "Q4_1") -> dict:
    return {
        "model": {"size_bytes": int(size_mb * (1 << 20)), "file_type": file_type, "path": f"/m/{file_type}-{size_mb}.gguf"},
        "perplexity": perplexity, "perplexity_error": error, "gen_tokens_per_s": gen, "prompt_tokens_per_s": gen * 4,
        "text": {"sha256": "t"}, "n_ctx": 128,
    }


def check_axis(chart, which: str, value: float) -> None:
    box = chart.plot.getViewBox()
    lo, hi = box.viewRange()[0 if which == "bottom" else 1]
    span = hi - lo
    assert lo < value < hi
    assert span >= 0.1 * abs(value), (lo, hi)  # not a sliver around the point
    assert span <= 4 * abs(value) + 1, (lo, hi)  # nor so wide that the point sits in a corner
    axis = chart.plot.getAxis(which)
    ticks = [v for _spacing, values in axis.tickValues(lo, hi, 400) for v in values if lo <= v <= hi]
    assert len(ticks) >= 2, ticks
    assert lo >= 0  # sizes, speeds and perplexities are never negative


@pytest.mark.parametrize("kind", ["perplexity", "gen", "prompt"])
def test_one_model_gets_a_sensible_axis_and_its_value(qtbot, kind):
    chart = EvaluationChart()
    qtbot.addWidget(chart)
    chart.resize(640, 420)
    chart.show()
    chart.set_kind(kind)
    chart.set_results([record(103.4, 17.8412, 0.412, 31.4)])
    (point,) = chart.points()
    check_axis(chart, "bottom", point.x)
    check_axis(chart, "left", point.y)
    words = chart.labels[0].textItem.toPlainText()
    assert "Q4_1" in words
    assert ("17.84" in words and "0.41" in words) if kind == "perplexity" else f"{point.y:.1f}" in words


def test_two_models_of_one_size_do_not_collapse_the_size_axis(qtbot):
    chart = EvaluationChart()
    qtbot.addWidget(chart)
    chart.show()
    chart.set_results([record(50.0, 20.0, 0.3, 40.0, "Q4_1"), record(50.0, 21.0, 0.3, 38.0, "Q4_0")])
    check_axis(chart, "bottom", 50.0)


def test_axis_range_rule():
    from chatdesk.ui.evaluation.evaluation_chart import axis_range

    assert axis_range([]) == (0.0, 1.0)
    lo, hi = axis_range([0.0])
    assert lo == 0.0 and hi > 0
    lo, hi = axis_range([10.0, 30.0])
    assert lo < 10 and hi > 30 and lo >= 0


def test_the_quantity_is_written_level_above_the_plot(qtbot):
    """A rotated axis label squeezed Chinese (困惑度) into an unreadable column: the quantity is
    the plot's title instead, and the left axis carries no rotated label."""
    chart = EvaluationChart()
    qtbot.addWidget(chart)
    chart.resize(640, 420)
    chart.show()
    chart.set_results([record(84.1, 29.2, 1.4, 30.0, "Q2_K"), record(93.8, 17.6, 0.8, 28.0)])
    assert chart.current_kind().axis in chart.plot.getPlotItem().titleLabel.text
    assert not chart.plot.getAxis("left").label.isVisible()
