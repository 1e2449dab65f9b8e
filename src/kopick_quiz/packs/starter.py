"""The commented starter pack `kopick-quiz new-pack NAME` writes, and the schema file beside it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from .formats import slugify
from .model import PackFile
from .writer import SCHEMA_FILE, scalar

_STARTER = """\
# yaml-language-server: $schema={schema}
#
# A kopick-quiz question pack. Edit it, then check it with:
#     kopick-quiz validate {file}
# and play it with:
#     kopick-quiz play --pack {pack_id}
# The line above lets editors with the YAML language server (VS Code's YAML extension, Neovim,
# Helix, ...) complete fields and underline mistakes as you type; {schema} is refreshed by
# `kopick-quiz new-pack` (or write one with `kopick-quiz schema pack > {schema}`).
#
# Below is one example of every kind of question. Keep the ones you want, change the text,
# delete the rest. Ids must stay unique and should not change once students have played:
# progress and review schedules are kept by id.

id: {pack_id}
title: {title}
description: My own questions on Korean international co-productions.
# author: Your Name
tags: [my-pack]

questions:
  # short: the student types the answer. Any one of `answer` is right; `accept` lists other
  # spellings that are right too. Typos are forgiven in proportion to the answer's length.
  - id: {pack_id}.medium-studio
    type: short
    prompt: Which Thai studio co-produced The Medium (2021)?
    answer: GDH 559
    accept: [GDH]
    hint: Its name has a number in it.
    explanation: The Medium was made by Thailand's GDH 559 with Korea's Showbox.
    # feedback for a particular wrong answer:
    feedback:
      Showbox: Showbox was the Korean partner; the question asks for the Thai studio.
    difficulty: 2

  # multi: the student names several things, in any order; naming some earns partial credit.
  - id: {pack_id}.alien-countries
    type: multi
    prompt: Name the three countries whose directors made Love with an Alien (1958).
    answer: [South Korea, Hong Kong, Japan]

  # number: a count or amount; `tolerance` is how far off still counts as right,
  # an amount (10000) or a percentage (10%). Students may write 150,000 or 150k.
  # An answer may also be worth part of the points (`weight`, in percent) with feedback of
  # its own; short, number, year and choice questions take such answers.
  - id: {pack_id}.shang-admissions
    type: number
    prompt: About how many admissions did The Last Woman of Shang (1964) draw?
    answer:
      - 150000
      - text: 150000
        weight: 50
        tolerance: 50%
        feedback: In the right range, but it was nearer 150,000.
    tolerance: 10%

  # year: a year, which must be exact.
  - id: {pack_id}.import-ban-lifted
    type: year
    prompt: In what year did South Korea lift its ban on Japanese cultural imports?
    answer: 1998
    explanation: The 1998 change opened the way to films such as Asako in Ruby Shoes.

  # choice: the student picks one of `choices`; `answer` must be one of them.
  - id: {pack_id}.shang-studio
    type: choice
    prompt: Which Hong Kong studio co-produced The Last Woman of Shang (1964)?
    answer: Shaw Brothers
    choices: [Shaw Brothers, Huayi Brothers, Showbox, GDH 559]

  # truefalse: the answer is true or false.
  - id: {pack_id}.tyrant-title
    type: truefalse
    prompt: Tyrant (1967) was released in Hong Kong as The Goddess of Mercy.
    answer: true

  # order: the student puts the items in order; `answer` lists them in the right order
  # (they are shown shuffled).
  - id: {pack_id}.release-order
    type: order
    prompt: Put these films in order of release, earliest first.
    answer:
      - Love with an Alien
      - The Last Woman of Shang
      - Tyrant

  # Text that YAML would read as something else needs quotes: answer: "1967" for a short
  # question, "yes" or "no", or anything with ': ' or ' #' in it.
"""


def starter_pack(pack_id: str, title: str, file_name: str) -> str:
    """The text of a new, commented pack that validates cleanly."""
    return _STARTER.format(pack_id=pack_id, title=scalar(title), file=file_name, schema=SCHEMA_FILE)


def schema_text() -> str:
    """The JSON Schema of the pack format, as `kopick-quiz schema pack` prints it."""
    schema = PackFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "kopick-quiz question pack"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


class StarterError(Exception):
    """A new pack that cannot be written: one plain sentence."""


def create_pack(folder: Path, name: str, taken: Iterable[str] = ()) -> Path:
    """Write a starter pack named `name` into `folder` (and the schema beside it); its path.

    Refuses an empty or huge name, and a pack id that exists in `folder` or `taken`.
    """
    title = name.strip()
    if not title:
        raise StarterError('give the pack a name, e.g. kopick-quiz new-pack "Week 3"')
    if len(title) > 200:
        raise StarterError(
            "a pack name may be at most 200 characters; a longer title can be edited in the file"
        )
    # Ids are ASCII; a name in Hangul (or only punctuation) gets a stable id made from its hash.
    pack_id = slugify(title) or "pack-" + hashlib.sha256(title.encode()).hexdigest()[:8]
    path = folder / f"{pack_id}.yaml"
    if path.exists():
        raise StarterError(f"{path} already exists; choose another name, or edit that pack")
    if pack_id in set(taken):
        raise StarterError(f"a pack with the id '{pack_id}' already exists; choose another name")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as f:
            f.write(starter_pack(pack_id, title, str(path)))
        (folder / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
    except FileExistsError:
        raise StarterError(f"{path} already exists; choose another name, or edit that pack") from None
    except OSError as exc:
        raise StarterError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
