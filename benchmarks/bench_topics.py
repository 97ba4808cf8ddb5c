#!/usr/bin/env python3
"""How well does the document check read policies written by others? Figures on the blind corpus.

For each part of tests/corpus/topics (tuned: the vocabulary may be tuned on it; held-back: only ever
measured), prints per topic and overall: present topics found (recall), absent topics reported missing,
life-safety topics passed by a near-miss passage, and the time per page (one passage = one page).
Targets on the held-back part: recall >= 95%, absent reported missing >= 90%, no life-safety near-miss.

Usage: python benchmarks/bench_topics.py [--part tuned|held-back|both] [--rules PREFIX] [--topics] [--misses]
                                         [--recogniser-only] [--voices A,B | --without A,B | --minimal-pairs]
       python benchmarks/bench_topics.py --incoming ROUND [--recogniser-only]
  --topics   print every topic's figures (worst first)
  --misses   with --topics, list the passages behind each miss and false pass (tuned part only:
             never print held-back passages while tuning)
  --voices A,B / --without A,B   only these voices / all but these (say, a new round apart from the
             voices measured before it); --minimal-pairs: only the voices of minimal pairs ("*-pairs")
  --incoming ROUND   a round waiting in tests/corpus/topics/incoming/ROUND (say round62), measured whole and
             voice by voice: text no part of which the vocabulary was tuned or the second reader trained on,
             the bluntest figure the corpus has. Run it before and after a change (the held-back part's
             voices lend their other rules to the tuned part; a fresh round's do not). Its passages are
             never printed: measure a round before it is split, and only read its tuned part after.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus" / "topics"))

from topic_corpus import HERE, PARTS, Result, measure  # noqa: E402


def _print(part: str, result: Result, rules: str | None, topics: bool, misses: bool) -> None:
    chosen = {k: v for k, v in result.topics.items() if rules is None or k[0].startswith(rules)}
    total = result.overall() if rules is None else None
    if total is None:
        from topic_corpus import Tally

        total = Tally()
        for tally in chosen.values():
            total.add(tally)
    print(
        f"{part:<10} topics {len(chosen):>3}  present found {total.found}/{total.present} "
        f"({100 * total.recall:.1f}%)  absent reported missing {total.rejected}/{total.absent} "
        f"({100 * total.specificity:.1f}%)  life-safety near-miss passes {len(result.life_safety_false_passes)} "
        f"({len(result.life_safety_flagged)} of them for the reviewer to confirm)  "
        f"{1000 * result.seconds / max(result.pages, 1):.2f} ms/page ({result.pages} pages)"
    )
    if rules is None:
        print(
            f"{'':<10} met for the reviewer to confirm: {result.to_confirm_present} present topics, "
            f"{result.to_confirm_absent} absent ones"
        )
    if topics:
        for (rule, document, name), t in sorted(
            chosen.items(), key=lambda kv: (kv[1].recall + kv[1].specificity, kv[0])
        ):
            print(f"  {rule} {name!r:<55} found {t.found}/{t.present}  rejected {t.rejected}/{t.absent}   [{document}]")
            if misses and part == "tuned":
                for key in t.misses:
                    print(f"      missed: {key}")
                for key in t.false_passes:
                    print(f"      passed: {key}")
    if part == "tuned" or not misses:
        for item in result.life_safety_false_passes if part == "tuned" else ():
            print(f"  life-safety near-miss passed: {item}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=[*PARTS, "both"], default="both")
    parser.add_argument("--rules", default=None, help="only rules whose id starts with this (e.g. 1.A)")
    parser.add_argument("--topics", action="store_true")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument(
        "--recogniser-only", action="store_true", help="without the second reader (checks.reader), as before it"
    )
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--voices", default=None, help="only these voices, comma-separated")
    chosen.add_argument("--without", default=None, help="all voices but these, comma-separated")
    chosen.add_argument("--minimal-pairs", action="store_true", help='only the voices of minimal pairs ("*-pairs")')
    chosen.add_argument("--incoming", default=None, metavar="ROUND", help="a round in incoming/, measured whole")
    args = parser.parse_args()
    if args.incoming is not None:
        _incoming(args.incoming, second=not args.recogniser_only)
        return
    for part in PARTS if args.part == "both" else (args.part,):
        skip = _skipped(part, args.voices, args.without, args.minimal_pairs)
        _print(part, measure(part, skip=skip, second=not args.recogniser_only), args.rules, args.topics, args.misses)


def _incoming(round_name: str, *, second: bool) -> None:
    """A round waiting in incoming/, measured whole and voice by voice (its passages are never printed)."""
    folder = HERE / "incoming" / round_name
    waiting = (
        sorted(p.name for p in (HERE / "incoming").iterdir() if p.is_dir()) if (HERE / "incoming").is_dir() else []
    )
    if "/" in round_name or not folder.is_dir() or not any(folder.glob("*.yaml")):
        raise SystemExit(
            f"no round {round_name!r} in {HERE / 'incoming'}; rounds waiting: {', '.join(waiting) or 'none'}"
        )
    part = f"incoming/{round_name}"
    voices = sorted(path.stem for path in folder.glob("*.yaml"))
    for voice in voices:
        result = measure(part, skip=frozenset(voices) - {voice}, second=second)
        _print(voice, result, None, topics=False, misses=False)
    _print(round_name, measure(part, second=second), None, topics=False, misses=False)


def _skipped(part: str, voices: str | None, without: str | None, pairs: bool) -> frozenset[str]:
    """The voices of ``part`` to leave out; an unknown voice named is an error (a typo would measure all)."""
    present = frozenset(path.stem for path in (HERE / part).glob("*.yaml"))
    named = frozenset(v.strip() for v in (voices or without or "").split(",") if v.strip())
    unknown = named - present
    if unknown:
        raise SystemExit(
            f"no voice {', '.join(sorted(unknown))} in the {part} part; voices: {', '.join(sorted(present))}"
        )
    if pairs:
        return frozenset(v for v in present if not v.endswith("-pairs"))
    if voices is not None:
        return present - named
    return named


if __name__ == "__main__":
    main()
