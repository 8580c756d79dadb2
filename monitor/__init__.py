"""The headless core of Canada–China Monitor: fetching, parsing, tagging, polling, digests, CLI."""

# The one place the version is written (pyproject.toml reads it from here): asking
# importlib.metadata instead costs every start of the app and of each parser process 25 ms.
__version__ = "0.1.0"

PROJECT_URL = "https://github.com/cc-monitor/cc-monitor"
APP_NAME = "cc-monitor"
