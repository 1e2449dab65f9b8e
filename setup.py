"""The build step pyproject.toml cannot say: the wheel carries the compiled cache of its own data.

After the package is copied into the build folder, `kopick_quiz.library.build_shipped_cache`
runs there (in a process of its own, importing the copy being built) and writes
`kopick_quiz/shipped/library.cache`: the validated fact base and every shipped pack's questions,
keyed by the content of the modules and sources beside it. A first start reads it instead of
building the user's cache (see `library._shipped_cache`). An editable install has none: its
sources change under it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCache(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        build_lib = Path(self.build_lib).resolve()
        # The copy being built first, then everything this process can import: pip's isolated
        # build environment (pydantic, pyyaml, rapidfuzz) is on this process's path, not on the
        # bare interpreter's.
        path = os.pathsep.join([str(build_lib), *(p for p in sys.path if p)])
        env = {**os.environ, "PYTHONPATH": path, "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(
            [sys.executable, "-c", "from kopick_quiz.library import build_shipped_cache as b; print(b())"],
            cwd=build_lib,
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            # The wheel still works without it: the first start builds the user's cache, as an
            # editable install does (tests/test_install.py checks that a wheel carries it).
            self.warn(f"the wheel carries no compiled library; building it failed:\n{done.stderr[-3000:]}")
            return
        self.announce(f"compiled the shipped library into {done.stdout.strip()}", level=2)


setup(cmdclass={"build_py": BuildWithCache})
