"""The interface's language: which one, and the Qt translators that speak it.

Every user-facing string of ui/ goes through `translate("Context", "text")` (Qt's
QCoreApplication.translate under a short name that pyside6-lupdate still recognises).
A context is named after the class or module the string belongs to, never taken from
`self.tr()`: PySide6 looks `tr()` up under the object's runtime class, which a subclass
changes, while lupdate files it under the class that wrote it.

The French catalogue is resources/i18n/cc_monitor_fr.ts, compiled to the .qm beside it by
`python -m ui.i18n_build` (pyside6-lupdate, then pyside6-lrelease).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from importlib import resources

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTime, QTranslator

from db.records import BaselineFact, TrackedIssue
from monitor import localized

__all__ = [
    "CATALOGUE", "decimal", "install_translators", "interface_language", "labelled", "long_date", "number",
    "quoted", "remove_translators", "translate",
]

translate = QCoreApplication.translate
CATALOGUE = "cc_monitor_fr"  # resources/i18n/<CATALOGUE>.ts and .qm
ENGLISH = "cc_monitor_en"  # the English plural forms of the strings that count something
# Qt's own strings (standard buttons, the colour and file dialogs, context menus of text fields).
QT_CATALOGUES = ("qtbase_fr",)


def interface_language(choice: str, system: QLocale | None = None) -> str:
    """"fr" or "en": the setting's choice, or for "auto" the system locale's language."""
    if choice in ("en", "fr"):
        return choice
    locale = system if system is not None else QLocale.system()
    return "fr" if locale.language() == QLocale.Language.French else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's French catalogues into `app` when `language` is "fr".

    The translators are returned so that the caller keeps them alive as long as the app:
    Qt holds only a pointer to each.
    """
    if language != "fr":
        # Dates, numbers and the shipped data follow the interface, not a French system locale.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Canada))
        return _install(app, _ours(ENGLISH))  # its plural forms: "1 new item", "2 new items"
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    loaded = _ours(CATALOGUE)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_CATALOGUES:
        qt = QTranslator(app)
        if qt.load(name, qt_folder):
            loaded.append(qt)
    return _install(app, loaded)


def _ours(catalogue: str) -> list[QTranslator]:
    translator = QTranslator()
    path = resources.files("resources") / "i18n" / f"{catalogue}.qm"
    return [translator] if translator.load(str(path)) else []


def _install(app: QCoreApplication, translators: list[QTranslator]) -> list[QTranslator]:
    for translator in translators:
        translator.setParent(app)
        app.installTranslator(translator)
    return translators


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo install_translators (tests switch languages within one QApplication)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


def number(value: int) -> str:
    """A whole number grouped as the interface's language groups it ("12,345" or "12 345")."""
    return QLocale().toString(value)


def decimal(value: float) -> str:
    """A number with its decimal mark as the interface's language writes it ("1.5" or "1,5")."""
    return QLocale().toString(float(value), "g", 6)


def french() -> bool:
    """True when the interface is French (install_translators set the default locale so)."""
    return QLocale().language() == QLocale.Language.French


def data_lang() -> str:
    """The language of the shipped data to show (monitor.localized): "fr" or "en"."""
    return "fr" if french() else "en"


def say(text: str | None) -> str:
    """A figure's label, a state or a value that a move carries, in the interface's language."""
    return localized.say(text, data_lang()) or ""


def labelled(label: str, value: str) -> str:
    """"Label: value", with the space French puts before the colon ("Étiquette : valeur")."""
    return translate("Punctuation", "{label}: {value}").format(label=label, value=value)


def quoted(text: str) -> str:
    """Words quoted as the interface's language quotes them: “words” or « mots »."""
    return translate("Punctuation", "“{}”").format(text)


def long_date(moment: date | datetime, fmt: str = "%d %B %Y") -> str:
    """A date as a reader writes it: "16 janvier 2026" in French, `fmt` (strftime) in English.

    `moment` is shown as given: a caller converts it to local time or UTC first.
    """
    if not french():
        return moment.strftime(fmt)
    qt_format = {
        "%d %B %Y": "d MMMM yyyy",
        "%d %B %Y, %H:%M": "d MMMM yyyy, HH 'h' mm",
        "%A %d %B %Y, %H:%M": "dddd d MMMM yyyy, HH 'h' mm",
        "%b %Y": "MMM yyyy",
        "%d %b %Y %H:%M": "d MMM yyyy HH:mm",
        "%d %b %Y": "d MMM yyyy",
        "%d %b": "d MMM",
        "%B": "MMMM",
        "%B %Y": "MMMM yyyy",
    }[fmt]
    value = QDate(moment.year, moment.month, moment.day)
    if isinstance(moment, datetime) and "HH" in qt_format:
        return QLocale().toString(QDateTime(value, QTime(moment.hour, moment.minute)), qt_format)
    return QLocale().toString(value, qt_format)


def clock(moment: datetime) -> str:
    """A time of day as a reader writes it: "09:30" in English, "9 h 30" in French."""
    if not french():
        return moment.strftime("%H:%M")
    return f"{moment.hour} h {moment.minute:02d}"


def shown_issues(issues: Iterable[TrackedIssue]) -> list[TrackedIssue]:
    """The tracked issues as the interface names them (French names unless the reader renamed one)."""
    return localized.localize_issues(issues, data_lang())


def shown_facts(facts: Iterable[BaselineFact]) -> list[BaselineFact]:
    """The baseline facts in the interface's language (quotations stay in English)."""
    return localized.localize_facts(facts, data_lang())
