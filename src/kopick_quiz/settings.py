"""Settings: this machine's in `settings.json`, each player's own in the store.

A player's own settings (`PLAYER_KEYS`: the home screen's last pack, mode, number of questions and
seed, and the theme) live in the store, so they follow the player to every machine that shares it
and two players of one machine keep theirs apart. `settings.json` in the data folder keeps what
belongs to the machine (`player`: who plays at it) and the last choices made on it, which a
player the store has never seen starts from. See docs/data.md.

`settings.json` is written atomically (a temp file in the same folder, fsync, `os.replace`), so a
crash leaves the old file or the new one, never half of one. A file that cannot be read as a JSON
object is kept aside as `settings.json.corrupt-<time>` and the defaults are used.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from .store import StoreError

if TYPE_CHECKING:
    from .store import Store

SETTINGS_NAME = "settings.json"
MAX_BYTES = 1_000_000

DEFAULTS: dict[str, Any] = {
    "player": None,
    "pack": None,
    "count": 10,
    "mode": "quick",
    "theme": None,
    "seed": None,
}
# Whose each setting is: the machine's stay in settings.json; the player's go to the store.
MACHINE_KEYS = ("player",)  # who plays at this machine: how the app knows whose settings to read
PLAYER_KEYS = ("pack", "mode", "count", "seed", "theme")
MAX_COUNT = 9999  # the home screen's field takes four digits
MAX_TEXT = 200


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


# -- a player's own settings, in the store -----------------------------------------------------------


@dataclass(frozen=True)
class PlayerSettings:
    """A player's settings as the app uses them, and what was wrong with the stored ones."""

    values: dict[str, Any]  # every PLAYER_KEYS value: the player's, else this machine's, else the default
    stored: bool  # the store holds settings of this player (False: new to it)
    problems: tuple[str, ...] = ()  # stored values that could not be used (the default is), one sentence each


def _text_or_none(value: object) -> bool:
    return value is None or (isinstance(value, str) and 0 < len(value) <= MAX_TEXT)


def _whole(smallest: int, largest: int) -> Callable[[object], bool]:
    def ok(value: object) -> bool:
        return value is None or (
            isinstance(value, int) and not isinstance(value, bool) and smallest <= value <= largest
        )

    return ok


def _mode(value: object) -> bool:
    from .session import Mode

    return value is None or value in get_args(Mode)


# What a usable value of each player setting is (None always means "no choice": the default).
_VALID: dict[str, Callable[[object], bool]] = {
    "pack": _text_or_none,
    "mode": _mode,
    "count": _whole(1, MAX_COUNT),
    "seed": _whole(0, 2**63 - 1),
    "theme": _text_or_none,
}
_WHAT = {
    "pack": "a pack's id",
    "mode": "quick, pack, review or exam",
    "count": f"a whole number from 1 to {MAX_COUNT}",
    "seed": "a whole number, 0 or more",
    "theme": "a theme's name",
}


def usable(key: str, value: object) -> bool:
    """Whether `value` can be the player setting `key`."""
    return key in _VALID and _VALID[key](value)


class _Unreadable:
    """A stored value that is not JSON at all."""


def player_values(player: str, stored: Mapping[str, str], machine: Mapping[str, Any]) -> PlayerSettings:
    """A player's settings from the store's rows (name -> JSON text); a player with none starts from
    this machine's `machine` settings. A stored value that cannot be used gives the default and a
    sentence saying so (a hand-edited row never stops the app)."""
    if not stored:
        values = {k: machine.get(k) if usable(k, machine.get(k)) else DEFAULTS[k] for k in PLAYER_KEYS}
        return PlayerSettings(values, stored=False)
    values = {}
    problems = []
    for key in PLAYER_KEYS:
        values[key] = DEFAULTS[key]
        if key not in stored:
            continue
        try:
            value = json.loads(stored[key])
        except ValueError:
            value = _Unreadable()
        if usable(key, value):
            values[key] = value
        else:
            shown = "not JSON" if isinstance(value, _Unreadable) else json.dumps(value, ensure_ascii=False)
            if len(shown) > 40:
                shown = shown[:39] + "…"
            default = "the default" if DEFAULTS[key] is None else str(DEFAULTS[key])
            problems.append(
                f"{player}'s saved setting '{key}' in the store ({shown}) is not {_WHAT[key]}; using {default}"
            )
    return PlayerSettings(values, stored=True, problems=tuple(problems))


def load_player_settings(
    store: Store, player: str, machine: Mapping[str, Any], *, carry: bool = True
) -> PlayerSettings:
    """The player's settings from the store (raises StoreError). The first time the store sees the
    player, with `carry`, this machine's choices in settings.json are saved as theirs, so nobody
    loses their settings to the upgrade that moved them into the store."""
    found = player_values(player, store.player_settings(player), machine)
    if not found.stored and carry and any(machine.get(k) != DEFAULTS[k] for k in PLAYER_KEYS):
        save_player_settings(store, player, found.values)
        return PlayerSettings(found.values, stored=True)
    return found


def update_player_settings(
    store: Store, player: str, changes: Mapping[str, Any], machine: Mapping[str, Any]
) -> None:
    """Save the player's changed settings; the others stay as stored (a player new to the store
    first gets this machine's, as in load_player_settings). Raises StoreError."""
    load_player_settings(store, player, machine)
    save_player_settings(store, player, changes)


def save_player_settings(store: Store, player: str, values: Mapping[str, Any]) -> None:
    """Save the player's settings among `values` (the usable ones) to the store; raises StoreError."""
    mine = {k: values[k] for k in PLAYER_KEYS if k in values and usable(k, values[k])}
    if mine:
        store.save_player_settings(player, mine)


__all__ = [
    "DEFAULTS",
    "MACHINE_KEYS",
    "PLAYER_KEYS",
    "PlayerSettings",
    "load_player_settings",
    "load_settings",
    "player_values",
    "read_settings",
    "save_player_settings",
    "save_settings",
    "settings_path",
    "update_player_settings",
    "update_settings",
    "usable",
]
