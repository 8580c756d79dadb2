"""Cyclic garbage is collected on the GUI thread, whichever thread made it."""

from __future__ import annotations

import gc
import threading

from ui.collector import GuiThreadCollector


class _Cycle:
    collected_on: list[bool] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.collected_on.append(threading.current_thread() is threading.main_thread())


def test_cyclic_garbage_made_on_a_worker_thread_is_collected_on_the_gui_thread(qtbot):
    collector = GuiThreadCollector()
    try:
        gc.collect()
        _Cycle.collected_on.clear()

        def make_garbage() -> None:
            for _ in range(50_000):  # far past the thresholds at which Python would collect
                _Cycle()

        worker = threading.Thread(target=make_garbage)
        worker.start()
        worker.join()
        assert _Cycle.collected_on == []  # nothing was collected on the worker thread

        qtbot.waitUntil(lambda: len(_Cycle.collected_on) == 50_000, timeout=5000)
        assert all(_Cycle.collected_on)
    finally:
        collector.stop()


def test_stopping_hands_the_collector_back_as_it_was(qtbot):
    assert gc.isenabled() is False  # the GUI tests run as the app does, with a collector of their own
    collector = GuiThreadCollector()
    collector.stop()
    assert gc.isenabled() is False
    gc.enable()
    try:
        collector = GuiThreadCollector()
        assert gc.isenabled() is False
        collector.stop()
        assert gc.isenabled() is True
    finally:
        gc.disable()
