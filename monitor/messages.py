"""The one catalogue of what the core tells a person: a code for each message, its English template.

The core writes English (the CLI speaks it and the database stores it), always through
`message(code, **fields)`, so every sentence it can say is listed here once. The desktop
app shows them in the reader's language: it finds the template a text came from with
`parse()` (stored text included, whoever wrote it and whenever) and translates that
template with the same fields. Matching the text, rather than storing a code beside it,
keeps one column, works on rows written before this catalogue and by the CLI, and needs
no second path for the messages that travel inside exceptions.

A field named in NESTED holds another sentence of the catalogue (or an OS or HTTP phrase
from PHRASES): the app translates it in turn. Anything else in a field is shown as it came.
The store's own messages (db/ may not import monitor) are defined in db.errors and
joined here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from string import Formatter

from db.errors import STORE_TEMPLATES

_CORE_TEMPLATES: dict[str, str] = {
    # Fetching a feed (monitor.fetch)
    "timed_out": "timed out after {seconds} s",
    "connect_timed_out": "connect timed out after {seconds} s",
    "connection_failed": "connection failed: {reason}",
    "request_failed": "{kind}: {reason}",
    "too_many_redirects": "too many redirects (more than {count})",
    "body_too_large": "body exceeds {size}",
    "unsupported_encoding": "unsupported content encoding: {encoding}",
    "undecodable_body": "cannot decode the {encoding} body",
    "invalid_url": "invalid URL: {url}",
    "invalid_redirect": "invalid redirect location: {url}",
    "url_no_host": "invalid URL (no host): {url}",
    "scheme_refused": "URL scheme {scheme}: refused",
    "redirect_refused": "redirect to {scheme}: refused",
    "http_status": "HTTP {status} {phrase}",
    "http_status_bare": "HTTP {status}",
    "redirect_without_location": "HTTP {status} {phrase} without a Location",
    "gone": "HTTP 410 Gone: no longer polled",
    "failed": "failed",
    # Reading what was fetched (monitor.parse, monitor.outcome)
    "empty_body": "empty body",
    "not_a_feed": "not a feed",
    "html_page": "not a feed (HTML page)",
    "parser_failed": "parser failed: {kind}",
    "unreadable_encoding": "unreadable character encoding",
    "items_cut": "only the first {kept} of {count} items kept",
    "entity_declarations_ignored": "entity declarations ignored",
    "bare_ampersands": "not well-formed XML: {count} bare & read as text",
    "misdeclared_utf8": "declared as {encoding}, but encoded as UTF-8",
    "not_well_formed": "not well-formed",
    "xml_error_at": "not well-formed XML at line {line}, column {column}: {problem}",
    # feedparser's own complaints, as it words them
    "not_xml_type": "{content_type} is not an XML media type",
    "no_content_type": "no Content-type specified",
    "encoding_override": "document declared as {declared}, but parsed as {encoding}",
    "encoding_unknown": "document encoding unknown, I tried {tried} but nothing worked",
    "parse_warning": "warning: {warning}",
    "internal_error": "internal error: {kind}: {reason}",
    "internal_error_bare": "internal error",
    # Putting new items in stories (monitor.poller)
    "stories_failed": "could not put new items in stories: {reason}",
    # The desktop app's poll process (monitor.poll_process)
    "poll_process_stopped": "the poll process stopped unexpectedly (exit status {status})",
    # Adding a feed (monitor.feedurl, monitor.discover)
    "url_empty": "the feed address is empty: give an http:// or https:// address",
    "url_too_long": "the feed address is {length} characters long; at most {limit} are accepted",
    "url_invalid": "'{text}' is not a valid web address",
    "url_other_scheme": "'{text}' uses {scheme}:, but only http and https feeds can be followed",
    "url_not_web": "'{text}' is not a web address: it must start with http:// or https://",
    "url_hostless": "'{text}' has no host name after {scheme}://",
    "url_spaces": "'{text}' contains spaces or control characters",
    "url_bad_port": "'{text}' has a bad port: it must be a number from 1 to 65535",
    "could_not_fetch": "could not fetch {url}",
    "no_feed_found": "{url} is neither a feed nor a page that links to one",
    # Files the user gives (monitor.bounded_read, monitor.opml)
    "file_too_large": "{path}: the {what} is larger than {size}",
    "file_unreadable": "{path}: cannot read the {what}: {reason}",
    "file_missing": "{path}: no such {what}",
    "file_is_folder": "{path}: is a directory, not a {what}",
    "file_not_regular": "{path}: is a device, pipe or socket, not a regular {what}",
    "line_too_long": "longer than {size}",
    "opml_too_large": "the OPML file is larger than 10 MiB",
    "opml_wrong_root": "not an OPML file: the document is <{tag}>, not <opml>",
    "opml_no_body": "not an OPML file: it has no <body>",
    "opml_dtd": "the OPML file declares a DTD or XML entities, which are refused",
    "opml_not_xml": "not an OPML file: {reason}",
    "opml_encoding": "the OPML file's encoding cannot be read ({reason}): save it as UTF-8",
    "opml_too_deep": "the OPML file nests outlines more than {depth} deep",
    "opml_skipped": "skipped '{title}': {problem}",
    "opml_listed_twice": "skipped '{title}': listed twice",
    # Digests (monitor.digest)
    "cannot_write": "cannot write {path}: {reason}",
    "cannot_create": "cannot create {path}: {reason}",
    "empty_period": "the period is empty: its start is not before its end",
    # Settings (monitor.settings)
    "setting_number": "{name} must be a whole number of {unit}, {low} to {high}, not {value}",
    "setting_flag": "{name} must be true or false, not {value}",
    "setting_formats": "the daily digest formats must be a list of {choices}, not {value}",
    "setting_format": "unknown daily digest format {value} (choose from {choices})",
    "setting_folder": "the daily digest folder must be a folder's path, not {value}",
    "setting_time": "the daily digest time must be HH:MM, not {value}",
    "setting_language": "the language must be one of {choices}, not {value}",
    "setting_choice": "expected one of {choices}, not {value}",
    "setting_kind": "expected {kinds}, not {value}",
    # Rules (monitor.rules, monitor.textmatch)
    "rules_not_mapping": "rules: expected a mapping, got {kind}",
    "rule_unknown_key": "{where}: unknown key {key}",
    "rules_issues_mapping": "issues: expected a mapping of slug to rules",
    "rules_bad_slug": "issues: bad issue slug {slug}",
    "rule_no_rules": "{where}: no rules (expected a mapping with threshold and groups)",
    "rule_bonus_misplaced": "{where}: issue_bonus belongs to the relevance rules only",
    "rule_no_groups": "{where}: groups must be a non-empty list",
    "rule_twin_groups": "{where}: two groups are named {name}",
    "rule_not_mapping": "{where}: expected a mapping",
    "rule_bad_name": "{where}: name {name} must be lower-case letters, digits, '_' or '-'",
    "rule_at": "{where}: {problem}",
    "rule_within": "{where}: within must be a whole number of words, 0 or more",
    "rule_during": "{where}: during must be two dates, [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]",
    "rule_during_reversed": "{where}: during ends before it starts",
    "rule_langs": "{where}: langs must be ISO 639-1 codes such as \"fr\", got {lang}",
    "rule_terms": "{where}: expected {wanted} of terms",
    "rule_list": "{where}: {key} must be a list of {what}",
    "rule_require": "{where}: require must be a list of group-name lists",
    "rule_require_entry": "{where}: require entry {entry} is not a list of group names",
    "rule_require_unknown": "{where}: require names unknown group {name}",
    "rule_number": "{where}: {key} must be a number, got {value}",
    "rule_more_than": "{where}: {key} must be more than {minimum}, got {value}",
    "rule_at_least": "{where}: {key} must be at least {minimum}, got {value}",
    "rule_group": "{scope}: group {group}",
    "rule_unknown_ref": "{where} is {key} unknown group {ref}",
    "rules_not_utf8": "{path}: not UTF-8 text (byte {byte})",
    "rules_not_toml": "{path}: not valid TOML: {reason}",
    "rules_too_deep": "{path}: tables or arrays nested too deep to read",
    "rules_no_relevance": "relevance: the document has no [relevance] table",
    "rules_no_slug": "issues: every [[issues]] entry needs a slug",
    "rules_no_issue_rules": "{slug}: the issue has no [issues.rules] table",
    "term_not_text": "a term must be text, not {kind}",
    "term_empty": "empty term",
    "term_star_anywhere": "'*' has no use in a term matched anywhere: {term}",
    "term_equals": "'=' takes a single word without '*': {term}",
    "term_no_letters": "no letters or digits in term {term}",
    "term_star_end": "'*' may only end a word: {term}",
    "term_star_short": "'*' needs at least two letters before it: {term}",
}

TEMPLATES: Mapping[str, str] = {**_CORE_TEMPLATES, **STORE_TEMPLATES}

# Fields that carry a sentence of their own: a catalogue message or one of PHRASES.
NESTED = frozenset({"reason", "phrase", "problem", "warning", "detail", "what", "unit", "where", "name"})

# Words that fill NESTED fields: HTTP reason phrases, OS and resolver errors, what a file is.
PHRASES: tuple[str, ...] = (
    "Bad Request", "Unauthorized", "Payment Required", "Forbidden", "Not Found", "Method Not Allowed",
    "Not Acceptable", "Request Timeout", "Conflict", "Too Many Requests", "Unavailable For Legal Reasons",
    "Internal Server Error", "Not Implemented", "Bad Gateway", "Service Unavailable", "Gateway Timeout",
    "Moved Permanently", "Found", "See Other", "Temporary Redirect", "Permanent Redirect",
    "Connection refused", "Name or service not known", "Temporary failure in name resolution",
    "No address associated with hostname", "Network is unreachable", "No route to host",
    "Connection reset by peer", "No space left on device", "Permission denied",
    "No such file or directory", "Read-only file system", "Is a directory", "Disk quota exceeded",
    "database or disk is full", "database is locked", "disk I/O error",
    "attempt to write a readonly database",
    "file is not a database", "database disk image is malformed", "unable to open database file",
    # expat's complaints about a feed that is not well-formed XML
    "syntax error", "no element found", "not well-formed (invalid token)", "unclosed token",
    "partial character", "mismatched tag", "duplicate attribute", "junk after document element",
    "undefined entity", "reference to invalid character number", "reference to binary entity",
    "reference to external entity in attribute", "XML or text declaration not at start of entity",
    "encoding specified in XML declaration is incorrect", "unclosed CDATA section", "unbound prefix",
    "XML declaration not well-formed", "illegal character(s) in public id",
    "OPML file", "rules file", "labels file", "file", "seconds", "days", "the poll interval", "the retention",
)
_ERRNO = re.compile(r"\[Errno -?\d+\] (?P<phrase>.+)")

# What each kind of field may hold when a text is read back; anything else matches `.+?`.
_FIELD_PATTERNS = {
    "status": r"\d{3}", "seconds": r"[0-9.e+]+", "kind": r"[A-Z][\w.]*", "count": r"\d+",
    "line": r"\d+", "column": r"\d+",
    "phrase": r"[A-Za-z][A-Za-z' -]*", "scope": r"[\w.-]+", "group": r"'[^']*'|\"[^\"]*\"",
}


@dataclass(frozen=True)
class Message:
    """One sentence of the catalogue: its code and the values of its fields."""

    code: str
    fields: Mapping[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return TEMPLATES[self.code].format(**self.fields)


def message(code: str, **fields: object) -> str:
    """The English sentence `code` with its fields filled in."""
    return str(Message(code, {name: str(value) for name, value in fields.items()}))


def fields_of(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in Formatter().parse(template) if name)


def parse(text: str) -> Message | None:
    """The catalogue message `text` is, with its fields; None for any other text.

    The most specific template wins (the one with the most fixed characters), and a
    template made only of a place and a nested sentence ("{where}: {problem}") counts
    only when the nested part is a sentence of the catalogue too.
    """
    text = text.strip()
    for code, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found and all(_nested_ok(name, value) for name, value in found.groupdict().items()):
            return Message(code, found.groupdict())
    return None


def phrase(text: str) -> str | None:
    """The entry of PHRASES that `text` is (an "[Errno N] " prefix dropped), else None."""
    errno = _ERRNO.fullmatch(text)
    text = errno["phrase"] if errno else text
    return text if text in _PHRASE_SET else None


_PHRASE_SET = frozenset(PHRASES)


def _nested_ok(name: str, value: str) -> bool:
    return name != "problem" or phrase(value) is not None or parse(value) is not None


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    def fixed(template: str) -> int:
        return sum(len(literal) for literal, *_ in Formatter().parse(template))

    ordered = sorted(TEMPLATES.items(), key=lambda item: -fixed(item[1]))
    return tuple((code, _compile(template)) for code, template in ordered)


def _compile(template: str) -> re.Pattern[str]:
    parts, seen = [], set()
    for literal, name, _, _ in Formatter().parse(template):
        parts.append(re.escape(literal))
        if name in seen:
            parts.append(f"(?P={name})")
        elif name:
            parts.append(f"(?P<{name}>{_FIELD_PATTERNS.get(name, '.+?')})")
            seen.add(name)
    return re.compile("".join(parts), re.DOTALL)
