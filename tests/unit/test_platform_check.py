"""Before the desktop app opens: which Qt platform is used, which libraries it lacks, what to install."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ui.platform_check import (
    XCB_LIBRARIES,
    install_hint,
    missing_libraries,
    package_manager,
    qt_platform_problem,
    uses_xcb,
)

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = "NAME=Ubuntu\nID=ubuntu\nID_LIKE=debian\n"
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'
ARCH = "NAME=Arch Linux\nID=arch\n"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:nomitshm;wayland"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ],
)
def test_the_check_runs_only_where_qt_loads_its_xcb_plugin(environ, expected):
    assert uses_xcb(environ, "linux") is expected


def test_there_is_no_xcb_plugin_to_check_outside_linux():
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "darwin")


def test_a_library_the_loader_finds_is_not_missing_and_one_it_cannot_find_is():
    assert missing_libraries(["libc.so.6", "libnothing-here.so.9"]) == ["libnothing-here.so.9"]


@pytest.mark.parametrize(
    ("release", "manager"), [(DEBIAN, "apt"), (UBUNTU, "apt"), (FEDORA, "dnf"), (ARCH, None)]
)
def test_the_package_manager_comes_from_os_release(release, manager):
    assert package_manager(release) == manager


def test_the_hint_names_the_debian_packages_of_the_missing_libraries():
    hint = install_hint(["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"], DEBIAN)
    assert "needs libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in hint
    assert hint.endswith("sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1")
    assert "\n" not in hint


def test_the_hint_names_each_fedora_package_once():
    hint = install_hint(["libxcb-icccm.so.4", "libxcb-randr.so.0", "libxcb-shape.so.0"], FEDORA)
    assert hint.endswith("sudo dnf install xcb-util-wm libxcb")


def test_without_a_known_package_the_hint_names_the_library_and_no_command():
    hint = install_hint(["libxcb-icccm.so.4"], ARCH)
    assert "libxcb-icccm.so.4" in hint and "sudo" not in hint


def test_nothing_is_reported_when_every_library_loads(tmp_path):
    environ = {"QT_QPA_PLATFORM": "xcb", "CC_MONITOR_XCB_LIBRARIES": "libc.so.6 libm.so.6"}
    assert qt_platform_problem(environ, tmp_path / "os-release") is None


def test_the_os_release_file_decides_the_command(tmp_path):
    release = tmp_path / "os-release"
    release.write_text(FEDORA)
    environ = {"QT_QPA_PLATFORM": "xcb", "CC_MONITOR_XCB_LIBRARIES": "libc.so.6 libnothing-here.so.9"}
    problem = qt_platform_problem(environ, release)
    assert problem is not None and "needs libnothing-here.so.9," in problem and "libc.so.6" not in problem


def _needed(library: Path) -> set[str]:
    dynamic = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True, check=True)
    return {line.split("[", 1)[1].rstrip("]") for line in dynamic.stdout.splitlines() if "(NEEDED)" in line}


@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs readelf (binutils)")
def test_the_list_holds_every_system_library_the_xcb_plugin_links():
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        pytest.skip("this PySide6 has no xcb plugin")
    shipped = {p.name for p in (qt / "lib").iterdir()}
    runtime = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0", "libdl.so.2"}
    linked = _needed(plugin) | _needed(qt / "lib" / "libQt6XcbQpa.so.6")
    assert linked - shipped - runtime == {lib.soname for lib in XCB_LIBRARIES}
