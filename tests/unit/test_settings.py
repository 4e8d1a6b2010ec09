"""Settings resolved once at start-up: the folders' precedence and the phone region's."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from circlekeeper.sessions.settings import folders as paths
from circlekeeper.sessions.settings.config import PHONE_REGION_ENV, Config, Settings
from circlekeeper.sessions.settings.folders import Folders


@pytest.fixture(autouse=True)
def no_process_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The region comes only from the mapping a test gives, whatever this machine's locale."""
    monkeypatch.setattr("locale.getlocale", lambda: (None, None))


def test_an_option_wins_over_the_environment_which_wins_over_the_default(
    tmp_path: Path,
) -> None:
    environ = {
        paths.DATA_DIR_ENV: str(tmp_path / "env-data"),
        paths.CONFIG_DIR_ENV: str(tmp_path / "env-config"),
        paths.TEMPLATES_DIR_ENV: str(tmp_path / "env-templates"),
    }
    from_env = Folders.resolve(environ)
    assert from_env.data == tmp_path / "env-data"
    assert from_env.config == tmp_path / "env-config"
    assert from_env.templates == tmp_path / "env-templates"
    from_options = Folders.resolve(
        environ,
        data=tmp_path / "opt-data",
        config=tmp_path / "opt-config",
        templates=tmp_path / "opt-templates",
    )
    assert from_options.data == tmp_path / "opt-data"
    assert from_options.config == tmp_path / "opt-config"
    assert from_options.templates == tmp_path / "opt-templates"
    defaults = Folders.resolve({})
    assert defaults.data == Path(platformdirs.user_data_dir("circlekeeper", appauthor=False))
    assert defaults.config == Path(platformdirs.user_config_dir("circlekeeper", appauthor=False))
    assert defaults.cache == Path(platformdirs.user_cache_dir("circlekeeper", appauthor=False))


def test_templates_follow_the_config_folder_unless_moved(tmp_path: Path) -> None:
    moved = Folders.resolve({paths.CONFIG_DIR_ENV: str(tmp_path / "c")})
    assert moved.templates == tmp_path / "c" / "templates"
    by_option = Folders.resolve({}, config=tmp_path / "o")
    assert by_option.templates == tmp_path / "o" / "templates"
    assert by_option.config_file == tmp_path / "o" / "config.toml"
    assert by_option.resources_file == tmp_path / "o" / "resources.md"


def test_an_option_is_made_absolute_and_a_blank_variable_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folders = Folders.resolve({paths.DATA_DIR_ENV: "   "}, data=Path("groups"))
    assert folders.data == tmp_path / "groups"
    assert Folders.resolve({paths.DATA_DIR_ENV: "  "}).data == Folders.resolve({}).data


def test_the_cache_and_exports_folders_come_from_the_environment(tmp_path: Path) -> None:
    environ = {
        paths.CACHE_DIR_ENV: str(tmp_path / "cache"),
        paths.EXPORTS_DIR_ENV: str(tmp_path / "exports"),
    }
    folders = Folders.resolve(environ)
    assert folders.cache == tmp_path / "cache"
    assert folders.exports == folders.export_folder() == tmp_path / "exports"


def test_without_a_documents_folder_exports_go_to_one_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "none"))
    monkeypatch.chdir(tmp_path)
    folders = Folders.resolve({}, data=tmp_path / "data")
    assert folders.exports is None
    assert folders.export_folder() == tmp_path / "data" / "exports"


def test_exports_get_a_folder_of_their_own_in_the_documents_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "Documents").mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "Documents"))
    assert Folders.resolve({}).export_folder() == tmp_path / "Documents" / "circlekeeper"


def test_settings_read_the_config_file_of_the_folders_they_resolve(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("bell = true\nwarning_minutes = 4\n", encoding="utf-8")
    settings = Settings.load({}, config_dir=tmp_path, data_dir=tmp_path / "data")
    assert settings.config == Config(bell=True, warning_minutes=4)
    assert settings.folders.data == tmp_path / "data"
    (tmp_path / "config.toml").write_text("bell = 3\n", encoding="utf-8")
    settings = Settings.load({paths.CONFIG_DIR_ENV: str(tmp_path)})
    assert settings.config.bell is False
    assert [p.describe("config.toml") for p in settings.config_problems] == [
        "config.toml:1: bell should be true or false, not 3"
    ]


def _region(tmp_path: Path, environ: dict[str, str], configured: str = "") -> str:
    if configured:
        (tmp_path / "config.toml").write_text(f'phone_region = "{configured}"\n', "utf-8")
    return Settings.load(environ, config_dir=tmp_path).phone_region


@pytest.mark.parametrize(
    ("environ", "configured", "region"),
    [
        # The environment first, then the settings file, then the locale, then US.
        ({PHONE_REGION_ENV: "de", "LC_ALL": "en_GB.UTF-8"}, "FR", "DE"),
        ({PHONE_REGION_ENV: "", "LC_ALL": "en_GB.UTF-8"}, "fr", "FR"),
        ({"LC_ALL": "en_GB.UTF-8"}, "", "GB"),
        ({"LC_CTYPE": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, "", "FR"),
        ({"LANG": "en_NZ.UTF-8"}, "", "NZ"),
        ({"LC_ALL": "C", "LC_CTYPE": "C", "LANG": "C"}, "", "US"),
        # An unknown region is passed over for the locale's, as it always was.
        ({PHONE_REGION_ENV: "Narnia", "LC_ALL": "en_NZ.UTF-8"}, "", "NZ"),
        ({PHONE_REGION_ENV: "Narnia", "LC_ALL": "en_NZ.UTF-8"}, "GB", "NZ"),
        ({"LC_ALL": "en_NZ.UTF-8"}, "Narnia", "NZ"),
    ],
)
def test_the_phone_region_comes_first_from_the_environment_then_the_file_then_the_locale(
    tmp_path: Path, environ: dict[str, str], configured: str, region: str
) -> None:
    assert _region(tmp_path, environ, configured) == region


def test_the_process_locale_is_the_last_hint(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr("locale.getlocale", lambda: ("en_IE", "UTF-8"))
    assert _region(tmp_path, {"LANG": "C"}) == "IE"
