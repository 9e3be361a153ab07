"""Estimate mutation scores from a random sample of mutants, when running all of them takes too long.

1. Generate the mutants: ``mutmut run`` on any one mutant name (mutmut writes every module's ``.meta`` file).
2. ``python -m benchmarks.mutants_sample draw framing.extract.cues framing.extract.content … --per-module 25
   --seed 2025 > sample.txt``
3. ``mutmut run --max-children 2 $(cat sample.txt)``
4. ``python -m benchmarks.mutants_sample tally sample.txt``: killed, survived and the estimated score per module,
   with a 95% Wilson interval for the pooled score.

Run from the folder that holds ``mutants/`` (TESTING.md, "Attribution modules, sampled").
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from pathlib import Path


def _results(root: Path) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for meta in sorted(root.glob("mutants/**/*.meta")):
        out.update(json.loads(meta.read_text()).get("exit_code_by_key", {}))
    return out


def _module(name: str) -> str:
    return name.split(".x")[0]


def draw(modules: list[str], per_module: int, seed: int, root: Path) -> list[str]:
    by_module: dict[str, list[str]] = {}
    for name in _results(root):
        if _module(name) in modules:
            by_module.setdefault(_module(name), []).append(name)
    rng = random.Random(seed)
    picked: list[str] = []
    for module in sorted(by_module):
        names = sorted(by_module[module])
        picked += sorted(rng.sample(names, min(per_module, len(names))))
    return picked


def tally(sample: list[str], root: Path) -> str:
    results = _results(root)
    counts: dict[str, Counter[str]] = {}
    for name in sample:
        code = results.get(name)
        kind = "unchecked" if code is None else "survived" if code == 0 else "killed" if code == 1 else "other"
        counts.setdefault(_module(name), Counter())[kind] += 1
    lines = ["| module | sampled | killed | survived | other | estimated score |", "|---|---|---|---|---|---|"]
    total: Counter[str] = Counter()
    for module, c in sorted(counts.items()):
        total.update(c)
        judged = c["killed"] + c["survived"]
        score = f"{c['killed'] / judged:.0%}" if judged else ""
        lines.append(f"| {module} | {sum(c.values())} | {c['killed']} | {c['survived']} | "
                     f"{c['other'] + c['unchecked']} | {score} |")
    k, n = total["killed"], total["killed"] + total["survived"]
    if n:
        p, z = k / n, 1.96
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        lines.append(f"| all | {sum(total.values())} | {k} | {total['survived']} | "
                     f"{total['other'] + total['unchecked']} | {p:.1%} (95% {centre - half:.0%}–{centre + half:.0%}) |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="step", required=True)
    d = sub.add_parser("draw", help="print a random sample of mutant names, per module")
    d.add_argument("modules", nargs="+", help="dotted module names, e.g. framing.extract.cues")
    d.add_argument("--per-module", type=int, default=25)
    d.add_argument("--seed", type=int, default=2025)
    t = sub.add_parser("tally", help="score a sample after `mutmut run` on it")
    t.add_argument("sample", type=Path, help="the file `draw` wrote")
    for p in (d, t):
        p.add_argument("--root", type=Path, default=Path("."), help="the folder holding mutants/")
    args = parser.parse_args(argv)
    if args.step == "draw":
        print("\n".join(draw(args.modules, args.per_module, args.seed, args.root)))
    else:
        print(tally(args.sample.read_text().split(), args.root))


if __name__ == "__main__":
    main()
