"""The headless core of Canada–China Monitor: fetching, parsing, tagging, polling, digests, CLI."""

import sys

# httpx imports its own command-line client (click, rich, pygments) whenever they are
# installed, 0.1 s at every start of the app; without the module it falls back to a stub.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

# The one place the version is written (pyproject.toml reads it from here): asking
# importlib.metadata instead costs every start of the app and of each parser process 25 ms.
__version__ = "0.1.0"

PROJECT_URL = "https://github.com/cc-monitor/cc-monitor"
APP_NAME = "cc-monitor"
