"""Before the desktop app creates its QApplication: can Qt's xcb platform plugin load?

When libqxcb.so cannot load a library it links, Qt prints "could not load the Qt
platform plugin" and aborts the process with a core dump. Those libraries come from
the system, not from the PySide6 wheel, and a desktop can lack a few (the xcb-util
ones). Loading each one first turns the abort into one line that names what is
missing and the command that installs it. Nothing here imports Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# Checked instead of the list below when set (space-separated sonames): lets a test
# point the check at a library that does not exist.
LIBRARIES_ENV = "CC_MONITOR_XCB_LIBRARIES"
OS_RELEASE = Path("/etc/os-release")


@dataclass(frozen=True)
class SystemLibrary:
    """A library the xcb plugin links, with the package that installs it on each distribution."""

    soname: str
    debian: str
    fedora: str


# What PySide6's plugins/platforms/libqxcb.so and lib/libQt6XcbQpa.so.6 link
# (readelf -d, PySide6 6.11), less the Qt libraries the wheel ships and the C/C++ runtime.
XCB_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    SystemLibrary("libxcb.so.1", "libxcb1", "libxcb"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    SystemLibrary("libX11.so.6", "libx11-6", "libX11"),
    SystemLibrary("libGL.so.1", "libgl1", "libglvnd-glx"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    SystemLibrary("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
)


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt will load its xcb plugin: asked for by name, or the Linux default outside Wayland."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(";")[0].split(":")[0].strip() == "xcb"
    wayland = environ.get("XDG_SESSION_TYPE") == "wayland" and bool(environ.get("WAYLAND_DISPLAY"))
    return not wayland


def missing_libraries(sonames: Iterable[str]) -> list[str]:
    """The sonames the dynamic loader cannot load, as Qt would look for them."""
    missing = []
    for soname in sonames:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    return missing


def package_manager(os_release: str) -> str | None:
    """"apt" or "dnf" from the text of /etc/os-release; None for other systems."""
    fields = dict(
        line.split("=", 1) for line in os_release.splitlines() if "=" in line and not line.startswith("#")
    )
    family = " ".join(fields.get(key, "").strip("\"'") for key in ("ID", "ID_LIKE")).split()
    if {"debian", "ubuntu"} & set(family):
        return "apt"
    if {"fedora", "rhel", "centos"} & set(family):
        return "dnf"
    return None


def install_hint(missing: Sequence[str], os_release: str) -> str:
    """One line naming the missing libraries and, when known, the command that installs them."""
    known = {lib.soname: lib for lib in XCB_LIBRARIES}
    what = (
        f"the desktop app cannot start: Qt's xcb platform plugin needs {', '.join(missing)}, "
        f"which {'is' if len(missing) == 1 else 'are'} not installed"
    )
    manager = package_manager(os_release)
    if manager is None or any(soname not in known for soname in missing):
        return f"{what}; install the package that provides {'it' if len(missing) == 1 else 'each'}"
    packages = dict.fromkeys(
        known[soname].debian if manager == "apt" else known[soname].fedora for soname in missing
    )
    pronoun = "it" if len(missing) == 1 else "them"
    return f"{what}; install {pronoun} with: sudo {manager} install {' '.join(packages)}"


def qt_platform_problem(
    environ: Mapping[str, str] | None = None, os_release: Path = OS_RELEASE
) -> str | None:
    """Why the Qt platform plugin would fail to load, as one line; None when it can load."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ):
        return None
    override = environ.get(LIBRARIES_ENV, "").split()
    missing = missing_libraries(override or [lib.soname for lib in XCB_LIBRARIES])
    if not missing:
        return None
    try:
        release = os_release.read_text(encoding="utf-8")
    except OSError:
        release = ""
    return install_hint(missing, release)
