"""How question generation scales: 300 / 1,000 / 10,000 films, beside the cold load of the same base.

    python bench/generate.py                          # 300, 1,000 and 10,000 films
    python bench/generate.py --sizes 1000 --repeat 3  # best of three runs

For each size a synthetic base (bench/synth.py) is written as YAML, and each run is a fresh
process that measures, in CPU seconds (steady when other work shares the machine):

- the cold load: parse and validate the YAML (`check_facts_data(load_yaml(...))`), the baseline
- generate_all: every question the base gives, questions per second, and the ratio to the cold load
- a one-film recipe on a freshly loaded base: the first (which builds the base's indexes once)
  and then another film (what each further pack costs)

Goal: generate_all within 2x the cold load at 1,000 and 10,000 films, and a one-film recipe
that costs the same at any size once the indexes are built.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def measure(facts: Path) -> dict[str, float]:
    """One run in this process: cold load, generate_all, then two one-film recipes on a fresh load."""
    from kopick_quiz.facts.load import check_facts_data
    from kopick_quiz.generate import generate, generate_all
    from kopick_quiz.packs.model import Recipe
    from kopick_quiz.yamlio import FACTS_MAX_BYTES, load_yaml

    data = facts.read_bytes()

    def load():  # noqa: ANN202 - a FactBase
        base, problems = check_facts_data(load_yaml(data, str(facts), max_bytes=FACTS_MAX_BYTES), str(facts))
        assert base is not None, [str(p) for p in problems if p.severity == "error"][:5]
        return base

    started, wall = time.process_time(), time.perf_counter()
    base = load()
    out = {"cold": time.process_time() - started, "cold_wall": time.perf_counter() - wall}
    started, wall = time.process_time(), time.perf_counter()
    questions = generate_all(base)
    out |= {"all": time.process_time() - started, "all_wall": time.perf_counter() - wall}
    out["questions"] = len(questions)
    base = load()
    films = [f.id for f in base.films]
    for name, film in (("first", films[len(films) // 2]), ("next", films[len(films) // 3])):
        started = time.process_time()
        generate(base, Recipe(films=[film]), "bench")
        out[name] = time.process_time() - started
    return out


def run(facts: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(facts)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"measuring {facts} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 10000])
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per size; the best of each figure is kept"
    )
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0

    from synth import synthetic_facts, write_yaml

    work = Path(tempfile.mkdtemp(prefix="kopick-generate-"))
    print(f"kopick-quiz generation benchmark, CPU seconds (files in {work})")
    for size in args.sizes:
        facts = work / f"facts-{size}.yaml"
        write_yaml(facts, synthetic_facts(size, seed=0))
        runs = [run(facts) for _ in range(args.repeat)]
        best = {k: min(r[k] for r in runs) for k in runs[0]}
        n = int(best["questions"])
        print(f"\n== {size:,} films ({facts.stat().st_size / 1e6:.1f} MB of YAML) ==")
        print(f"  cold load + validate     {best['cold']:8.2f} s   (wall {best['cold_wall']:.2f} s)")
        print(
            f"  generate_all             {best['all']:8.2f} s   (wall {best['all_wall']:.2f} s)"
            f"   {n:,} questions, {n / best['all']:,.0f}/s   {best['all'] / best['cold']:.2f}x the cold load"
        )
        print(f"  recipe, one film, first  {best['first']:8.2f} s   (builds the base's indexes once)")
        print(f"  recipe, one film, next   {best['next']:8.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
