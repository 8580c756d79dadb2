"""The headless core of Canada–China Monitor: fetching, parsing, tagging, polling, digests, CLI."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cc-monitor")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

PROJECT_URL = "https://github.com/cc-monitor/cc-monitor"
APP_NAME = "cc-monitor"
