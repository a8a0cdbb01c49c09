"""N distinct synthetic articles from real sentences, for benchmarks.

    .venv/bin/python benchmarks/generate_articles.py OUT_DIR -n 1000 [--seed 7]

Sentences come from the sample (``data/raw``) and the dev corpus (``$RIWAYA_DEV_CORPUS``,
else ``/work/shared/corpus/dev``, when present), split by THE sentence splitter. Each article
is 12-28 of them drawn at random (about a fifth of a percent of the pool each, so two
articles rarely share more than a sentence), in a random order, with their numbers changed,
a dateline and an outlet's credit line; ``metadata.csv`` gives each one of 30 outlets and
one of 60 days. Byte copies would be made cheap by the duplicate check and say nothing
about the pipeline; these are distinct (``bench_pipeline.py`` checks that the build finds
no duplicate among them). Deterministic for a given seed and sentence pool.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from riwaya.text.segment import split_sentences  # noqa: E402

OUTLETS = list((
    "SANA", "Al-Ikhbariya", "Al Jazeera", "Al Arabiya", "BBC Arabic", "RT Arabic", "Sputnik Arabic",
    "France 24 Arabic", "Asharq Al-Awsat", "Al-Quds Al-Arabi", "Enab Baladi", "Orient News",
    "Al-Mayadeen", "Al-Manar", "Anadolu Arabic", "Sky News Arabia", "Al-Watan", "Tishreen",
    "Al-Thawra", "Syria TV", "Alhurra", "DW Arabic", "Independent Arabia", "Arabi21",
    "Al-Akhbar", "An-Nahar", "Al-Hayat", "Baladi News", "Step News", "Zaman Al-Wasl"))
FIRST_DAY = dt.date(2017, 10, 1)
DAYS = 60
DIGITS = re.compile(r"[0-9٠-٩]+")


def default_sources() -> list[Path]:
    dev = Path(os.environ.get("RIWAYA_DEV_CORPUS", "/work/shared/corpus/dev"))
    return [ROOT / "data" / "raw"] + ([dev] if dev.is_dir() else [])


def sentence_pool(folders: list[Path]) -> list[str]:
    """Every sentence of 40+ characters of the folders' .txt files that the cleaner keeps
    whole (no navigation, share buttons or credits), once, in a fixed order."""
    from riwaya.codebook import load_codebook
    from riwaya.pipeline.clean import clean_text

    codebook = load_codebook(ROOT / "data" / "codebook")
    pool: dict[str, None] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            for s in split_sentences(text):
                line = " ".join(s.text.split())
                kept = clean_text(line, boilerplate=codebook.boilerplate, sources=codebook.sources)
                if len(line) >= 40 and kept.text.strip() == line:
                    pool.setdefault(line)
    if len(pool) < 200:
        raise SystemExit(f"only {len(pool)} sentences in {', '.join(map(str, folders))}: "
                         "need 200 or more for distinct articles")
    return list(pool)


def _vary_numbers(sentence: str, rng: random.Random) -> str:
    return DIGITS.sub(lambda m: str(rng.randint(2, 10 ** min(len(m.group()), 4) - 1)), sentence)


def generate(out_dir: Path | str, n: int, *, seed: int = 7,
             sources: list[Path] | None = None) -> Path:
    """Write ``n`` articles and ``metadata.csv`` to ``out_dir``; returns it."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pool = sentence_pool(sources or default_sources())
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        picked = rng.sample(pool, rng.randint(12, 28))          # a random order as well
        body = [_vary_numbers(s, rng) for s in picked]
        paragraphs = [" ".join(body[k:k + 3]) for k in range(0, len(body), 3)]
        text = (f"دمشق - {day.day}/{day.month}/{day.year}\n\n" + "\n\n".join(paragraphs)
                + f"\n\nالمصدر: {outlet}\n")
        name = f"gen_{i:06d}.txt"
        (out / name).write_text(text, encoding="utf-8")
        rows.append({"file": name, "source": outlet, "url": f"https://example.org/{seed}/{i}",
                     "date": day.isoformat(), "language": "ar", "title": body[0][:80]})
    with open(out / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["file", "source", "url", "date", "language", "title"])
        writer.writeheader()
        writer.writerows(rows)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    out = generate(args.out_dir, args.n, seed=args.seed)
    size = sum(p.stat().st_size for p in out.glob("*.txt"))
    print(f"{args.n} articles, {size / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
