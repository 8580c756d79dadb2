"""Reference cycles are collected on the GUI thread, never on a worker's (ui/collector.py)."""

from __future__ import annotations

import gc
import threading
import weakref


class _Node:
    other: object


def test_cycles_a_worker_thread_leaves_are_collected_on_the_gui_thread(qtbot, collector):
    collected_on: list[str] = []

    def note(phase: str, info: dict) -> None:
        if phase == "stop":
            collected_on.append(threading.current_thread().name)

    last: list[weakref.ref] = []

    def work() -> None:  # allocates far past the young generation's threshold
        for _ in range(5_000):
            a, b = _Node(), _Node()
            a.other, b.other = b, a
        node = _Node()
        node.other = node
        last.append(weakref.ref(node))

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=work, name="worker")
        worker.start()
        worker.join()
        assert last[0]() is not None  # nothing was collected on the worker
        qtbot.waitUntil(lambda: last[0]() is None, timeout=5_000)
    finally:
        gc.callbacks.remove(note)
    assert collected_on and set(collected_on) == {threading.main_thread().name}
    assert not gc.isenabled()


def test_asking_again_gives_the_collector_already_running(qapp, collector):
    from ui.collector import collect_on_gui_thread

    assert collect_on_gui_thread(qapp) is collector
