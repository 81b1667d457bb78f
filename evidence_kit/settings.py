"""Program settings: what this installation does, never what a case contains.

Rule: settings hold only choices about the program (whether to ask time-stamp authorities,
which ones, how long to wait), so the file may sit unencrypted in the user's configuration
folder (`<config dir>/evidence-kit/settings.json`, e.g. `$XDG_CONFIG_HOME/evidence-kit/` on
Linux, via `platformdirs`) without revealing anything of a case. It is written atomically
with mode 0600. `EVIDENCE_KIT_SETTINGS=<path>` points elsewhere (tests use it so they never
reach a public TSA). A missing file means the defaults; an unreadable one is a typed
`SettingsError`, never a crash, and unknown keys are ignored so an older program can read a
newer file.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from cryptography import x509

from evidence_kit.errors import EvidenceKitError
from evidence_kit.storage.folder import write_private_file
from evidence_kit.timestamping.tsas import DEFAULT_TIMEOUT_SECONDS, DEFAULT_TSAS, TsaConfig, certifi_roots

APP_NAME = "evidence-kit"
SETTINGS_FILE = "settings.json"
ENV_SETTINGS = "EVIDENCE_KIT_SETTINGS"


class SettingsError(EvidenceKitError):
    template = "The settings file {path} cannot be used: {detail}"


@dataclass(frozen=True)
class TsaSetting:
    """One configured time-stamp authority. `roots_pem`: its own trusted root(s) as PEM text,
    or None to trust it through Mozilla's root store (certifi)."""

    name: str
    url: str
    roots_pem: str | None = None


def _default_tsas() -> tuple[TsaSetting, ...]:
    return tuple(
        TsaSetting(t.name, t.url, t.roots_pem.decode("ascii") if t.roots_pem else None) for t in DEFAULT_TSAS
    )


@dataclass(frozen=True)
class Settings:
    timestamping_enabled: bool = True
    tsas: tuple[TsaSetting, ...] = field(default_factory=_default_tsas)
    tsa_timeout_s: float = DEFAULT_TIMEOUT_SECONDS

    def tsa_configs(self, *, timeout: float | None = None) -> tuple[TsaConfig, ...]:
        """The TSAs to ask, in order; none when timestamping is off. `timeout` caps the wait."""
        if not self.timestamping_enabled:
            return ()
        seconds = self.tsa_timeout_s if timeout is None else min(timeout, self.tsa_timeout_s)
        return tuple(
            TsaConfig(
                name=t.name,
                url=t.url,
                roots_pem=t.roots_pem.encode("ascii") if t.roots_pem is not None else None,
                timeout=seconds,
            )
            for t in self.tsas
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "timestamping_enabled": self.timestamping_enabled,
            "tsas": [
                {"name": t.name, "url": t.url, **({"roots_pem": t.roots_pem} if t.roots_pem else {})}
                for t in self.tsas
            ],
            "tsa_timeout_s": self.tsa_timeout_s,
        }


def settings_path() -> Path:
    """Where the settings live: $EVIDENCE_KIT_SETTINGS, else the platform's user config folder."""
    explicit = os.environ.get(ENV_SETTINGS)
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True)) / SETTINGS_FILE


def _bad(path: Path, detail: str) -> SettingsError:
    return SettingsError(path=str(path), detail=detail)


def _parse_tsas(raw: object, path: Path) -> tuple[TsaSetting, ...]:
    if not isinstance(raw, list):
        raise _bad(path, "'tsas' must be a list")
    tsas: list[TsaSetting] = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise _bad(path, "each entry of 'tsas' must be an object")
        name, url, roots = entry.get("name"), entry.get("url"), entry.get("roots_pem")
        if not isinstance(name, str) or not name or not isinstance(url, str) or not url:
            raise _bad(path, "each TSA needs a 'name' and a 'url'")
        if roots is not None and (not isinstance(roots, str) or not roots.isascii()):
            raise _bad(path, "'roots_pem' must be PEM text")
        tsas.append(TsaSetting(name, url, roots))
    return tuple(tsas)


def parse_settings(data: object, path: Path) -> Settings:
    """Settings from decoded JSON; absent keys keep their defaults."""
    if not isinstance(data, dict):
        raise _bad(path, "it must hold a JSON object")
    defaults = Settings()
    enabled = data.get("timestamping_enabled", defaults.timestamping_enabled)
    if not isinstance(enabled, bool):
        raise _bad(path, "'timestamping_enabled' must be true or false")
    timeout = data.get("tsa_timeout_s", defaults.tsa_timeout_s)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= 600:
        raise _bad(path, "'tsa_timeout_s' must be a number of seconds between 0 and 600")
    tsas = _parse_tsas(data["tsas"], path) if "tsas" in data else defaults.tsas
    return Settings(timestamping_enabled=enabled, tsas=tsas, tsa_timeout_s=float(timeout))


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when none were saved. SettingsError if unreadable."""
    target = path or settings_path()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as exc:
        raise _bad(target, str(getattr(exc, "strerror", None) or exc)) from exc
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise _bad(target, "it is not valid JSON") from exc
    return parse_settings(data, target)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (temporary file, fsync, rename) with mode 0600; the folder is made 0700."""
    target = path or settings_path()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = (json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_private_file(target, data)
    return target


def trusted_tsa_roots(settings: Settings | None) -> tuple[x509.Certificate, ...]:
    """The roots a stored time-stamp may chain to: Mozilla's store and the roots configured per TSA.

    A configured root that cannot be read is left out (it then trusts nothing), rather than
    making `verify` fail; asking that TSA reports the broken configuration.
    """
    roots = list(certifi_roots())
    for tsa in settings.tsas if settings is not None else ():
        if tsa.roots_pem:
            with contextlib.suppress(ValueError):
                roots += x509.load_pem_x509_certificates(tsa.roots_pem.encode("ascii"))
    return tuple(roots)
