"""The user's last choices (player, pack, count, ...) in `settings.json` beside the history.

Written atomically (a temp file in the same folder, fsync, `os.replace`), so a crash leaves the
old file or the new one, never half of one. A file that cannot be read as a JSON object is kept
aside as `settings.json.corrupt-<time>` and the defaults are used.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .store import StoreError

SETTINGS_NAME = "settings.json"
MAX_BYTES = 1_000_000

DEFAULTS: dict[str, Any] = {
    "player": None,
    "pack": None,
    "count": 10,
    "mode": "quick",
    "theme": None,
}


def settings_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / SETTINGS_NAME


def read_settings(data_dir: Path | str) -> tuple[dict[str, Any], str | None]:
    """The settings (defaults for what is missing) and a notice when a bad file was set aside."""
    path = settings_path(data_dir)
    values = dict(DEFAULTS)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError("too large")
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise ValueError("not a JSON object")
    except FileNotFoundError:
        return values, None
    except OSError as exc:
        return values, f"cannot read {path} ({(exc.strerror or str(exc)).lower()}); using the defaults"
    except ValueError:  # bad JSON, bad UTF-8, not an object
        aside = _set_aside(path)
        where = f"it is kept as {aside.name}" if aside else "it could not be moved"
        return values, f"{path} could not be read, so the defaults are used; {where}"
    values.update(loaded)
    return values, None


def load_settings(data_dir: Path | str) -> dict[str, Any]:
    """The settings, or the defaults when there are none or they cannot be read."""
    return read_settings(data_dir)[0]


def save_settings(data_dir: Path | str, values: dict[str, Any]) -> None:
    """Write `values` atomically; raises StoreError when the folder cannot be written."""
    path = settings_path(data_dir)
    text = json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{SETTINGS_NAME}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(path.parent)
    except OSError as exc:
        raise StoreError(
            f"cannot save settings to {path}: {(exc.strerror or str(exc)).lower()}; "
            "check the folder's permissions or choose another with --data-dir"
        ) from None


def update_settings(data_dir: Path | str, **changes: Any) -> dict[str, Any]:
    """Load, change some values, save; returns the new settings."""
    values = load_settings(data_dir)
    values.update(changes)
    save_settings(data_dir, values)
    return values


def _set_aside(path: Path) -> Path | None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["DEFAULTS", "load_settings", "read_settings", "save_settings", "settings_path", "update_settings"]
