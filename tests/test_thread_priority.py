"""The model's threads run below the window's: the worker thread lowers its own priority, and the
threads it starts (llama.cpp's compute threads) inherit it (chatdesk/engine/thread_priority.py)."""

from __future__ import annotations

import sys
import threading

import pytest

from chatdesk.engine.thread_priority import MODEL_NICE, lower_this_thread, thread_nice

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="thread priorities are Linux-only here")


def test_a_lowered_thread_and_the_threads_it_starts_run_below_the_others():
    here = thread_nice(threading.get_native_id())
    assert here is not None
    seen: dict[str, int | None] = {}

    def child() -> None:
        seen["child"] = thread_nice(threading.get_native_id())

    def model_thread() -> None:
        seen["lowered"] = lower_this_thread()
        seen["self"] = thread_nice(threading.get_native_id())
        inner = threading.Thread(target=child)
        inner.start()
        inner.join()

    worker = threading.Thread(target=model_thread)
    worker.start()
    worker.join()
    assert seen["lowered"] is True
    assert seen["self"] == min(19, here + MODEL_NICE)
    assert seen["child"] == seen["self"]  # inherited, as llama.cpp's OpenMP threads inherit it
    assert thread_nice(threading.get_native_id()) == here  # the calling (GUI) thread is untouched


def test_nothing_is_lowered_by_a_step_of_zero():
    assert lower_this_thread(0) is False
