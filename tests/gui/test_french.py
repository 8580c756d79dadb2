"""The window in French: the language comes from the settings or the system locale, and the
menus, tabs, sidebar and dialogs a reader meets speak French."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from monitor.settings import load as load_settings
from ui.i18n import interface_language
from ui.keyboard import plain


def menu_texts(window) -> list[str]:
    """Every menu title and action text of the menu bar, without the accelerator marks."""
    texts = []
    for action in window.menuBar().actions():
        texts.append(plain(action.text()))
        menu: QMenu = action.menu()
        texts += [plain(a.text()) for a in menu.actions() if not a.isSeparator() and a.text()]
    return texts


def test_the_language_follows_the_setting_then_the_system_locale():
    assert interface_language("fr", QLocale(QLocale.Language.English)) == "fr"
    assert interface_language("en", QLocale(QLocale.Language.French)) == "en"
    assert interface_language("auto", QLocale(QLocale.Language.French, QLocale.Country.Canada)) == "fr"
    assert interface_language("auto", QLocale(QLocale.Language.German)) == "en"


def test_the_menus_and_tabs_are_in_french(french, make_window):
    window = make_window(language="fr")
    titles = [plain(a.text()) for a in window.menuBar().actions()]
    assert titles == ["Fichier", "Édition", "Article", "Affichage", "Dossiers", "Aide"]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Faits nouveaux", "Articles", "Référence", "Chronologie"]
    assert window.windowTitle() == "Veille Canada–Chine"
    texts = menu_texts(window)
    assert "Actualiser maintenant" in texts and "Raccourcis clavier" in texts
    english = {"Poll now", "Export digest…", "Feeds…", "Settings…", "Quit", "Mark read", "Keyboard shortcuts",
               "Tracked issues…", "Next unread", "Focus the next pane", "About"}
    assert english.isdisjoint(texts)


def test_the_sidebar_and_the_filters_are_in_french(french, make_window):
    window = make_window(language="fr")
    model = window.sidebar.sidebar_model
    top = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert top[0] == "Tout Canada–Chine" and "Favoris" in top
    dates = window.articles.dates
    assert [dates.itemText(i) for i in range(dates.count())][:3] == [
        "Toutes les dates", "Dernières 24 heures", "7 derniers jours"
    ]


def test_the_settings_dialog_offers_the_language_and_saves_it(french, make_window, qtbot):
    window = make_window(language="fr")
    dialog = window.open_settings()
    assert dialog.windowTitle() == "Paramètres"
    choices = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert choices == ["Automatique (langue du système)", "English", "Français"]
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.accept()
    assert load_settings(window.store).language == "fr"


def test_the_export_dialog_offers_a_french_digest_first(french, make_window, qtbot):
    window = make_window(language="fr")
    dialog = window.open_export()
    assert dialog.windowTitle() == "Exporter une synthèse"
    assert dialog.lang_combo.currentData() == "fr"
    with qtbot.wait_signal(dialog.preview_updated, timeout=10_000):
        dialog.refresh_preview()
    assert "Synthèse de la Veille Canada–Chine" in dialog.preview.toPlainText()
    assert "Droits de douane et commerce" in dialog.preview.toPlainText()


def test_without_the_catalogue_the_window_stays_in_english(make_window):
    window = make_window()
    titles = [plain(a.text()) for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "Article", "View", "Issues", "Help"]
    assert QApplication.instance() is not None


def test_the_rules_editor_names_issues_in_french_and_keeps_the_stored_name(french, make_window):
    window = make_window(language="fr")
    dialog = window.open_rules()
    assert dialog.issues.item(0).text() == "Droits de douane et commerce"
    assert dialog.name.text() == "Droits de douane et commerce"
    dialog.notify.setChecked(not dialog.notify.isChecked())
    assert dialog.save()
    assert window.store.issues.get("tariffs").name == "Tariffs & trade"  # shown in French, stored as shipped
    dialog.name.setText("Canola")
    assert dialog.save()
    assert window.store.issues.get("tariffs").name == "Canola"


def test_screen_readers_hear_the_controls_named_in_french(french, make_window):
    window = make_window(language="fr")
    names = {w.accessibleName() for w in window.findChildren(QWidget) if w.accessibleName()}
    assert {"Panneau latéral", "Rechercher des articles", "Vues"} <= names
    assert not {"Sidebar", "Search articles", "Views"} & names
