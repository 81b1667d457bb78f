"""Program settings: defaults, where the file lives, 0600, and a clear error for a broken file."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from evidence_kit.settings import (
    ENV_SETTINGS,
    Settings,
    SettingsError,
    TsaSetting,
    load_settings,
    save_settings,
    settings_path,
    trusted_tsa_roots,
)
from evidence_kit.timestamping import DEFAULT_TSAS, TsaConfig, certifi_roots
from tests.tsa_server import LocalTsa


def test_defaults_when_nothing_was_saved(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "absent.json")
    assert settings.timestamping_enabled is True
    assert settings.tsa_timeout_s == 15.0
    assert [(t.name, t.url, t.roots_pem) for t in settings.tsas] == [
        ("DigiCert", "http://timestamp.digicert.com", None),
        ("Sectigo", "https://timestamp.sectigo.com", None),
        ("GlobalSign", "http://timestamp.globalsign.com/tsa/r6advanced1", None),
    ]
    assert [(c.name, c.url) for c in settings.tsa_configs()] == [(t.name, t.url) for t in DEFAULT_TSAS]


def test_the_file_lives_in_the_user_config_folder_unless_overridden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_SETTINGS, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert settings_path() == tmp_path / "config" / "evidence-kit" / "settings.json"
    monkeypatch.setenv(ENV_SETTINGS, str(tmp_path / "elsewhere.json"))
    assert settings_path() == tmp_path / "elsewhere.json"


def test_saved_privately_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_SETTINGS, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings = Settings(
        timestamping_enabled=False,
        tsas=(TsaSetting("FreeTSA", "https://freetsa.org/tsr", "-----BEGIN CERTIFICATE-----\n"),),
        tsa_timeout_s=7.5,
    )
    path = save_settings(settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_settings() == settings
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "timestamping_enabled": False,
        "tsas": [
            {
                "name": "FreeTSA",
                "url": "https://freetsa.org/tsr",
                "roots_pem": "-----BEGIN CERTIFICATE-----\n",
            }
        ],
        "tsa_timeout_s": 7.5,
    }
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary file left


def test_tsa_configs_follow_the_switch_and_cap_the_timeout(local_tsa: LocalTsa) -> None:
    root = local_tsa.pki.root_pem.decode("ascii")
    settings = Settings(tsas=(TsaSetting("local", local_tsa.url("tsa"), root),), tsa_timeout_s=20)
    assert settings.tsa_configs(timeout=5) == (
        TsaConfig("local", local_tsa.url("tsa"), roots_pem=local_tsa.pki.root_pem, timeout=5),
    )
    assert settings.tsa_configs()[0].timeout == 20
    assert Settings(timestamping_enabled=False, tsas=settings.tsas).tsa_configs() == ()
    roots = trusted_tsa_roots(settings)
    assert roots[-1] == local_tsa.pki.root and roots[:-1] == certifi_roots()
    assert trusted_tsa_roots(None) == certifi_roots()


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        ("{not json", "it is not valid JSON"),
        ("[]", "it must hold a JSON object"),
        ('{"timestamping_enabled": "yes"}', "'timestamping_enabled' must be true or false"),
        ('{"tsa_timeout_s": 0}', "'tsa_timeout_s' must be a number of seconds between 0 and 600"),
        ('{"tsa_timeout_s": true}', "'tsa_timeout_s' must be a number of seconds between 0 and 600"),
        ('{"tsas": {}}', "'tsas' must be a list"),
        ('{"tsas": [{"name": "x"}]}', "each TSA needs a 'name' and a 'url'"),
        ('{"tsas": ["x"]}', "each entry of 'tsas' must be an object"),
        ('{"tsas": [{"name": "x", "url": "http://x", "roots_pem": 1}]}', "'roots_pem' must be PEM text"),
    ],
)
def test_a_broken_file_is_a_clear_error(tmp_path: Path, content: str, detail: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert caught.value.params == {"path": str(path), "detail": detail}


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"tsa_timeout_s": 3, "from_a_newer_version": [1, 2]}', encoding="utf-8")
    assert load_settings(path) == Settings(tsa_timeout_s=3.0)
