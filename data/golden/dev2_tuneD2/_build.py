"""Golden statements of helper D2's fresh tuning pages (``dev2_tuneD2``).

Four real scraped pages of the Baly et al. (2018) corpus, drawn by
``/work/corpus/dev2_tuneD2/_select.py`` (seeded, README beside it) from the claim-bearing pages
that no held-out set, check half or earlier tuning set holds, annotated (statements only) before
the pipeline was run on them, with the guidelines of ``data/golden/README.md`` and
``data/golden/dev/README.md`` (main article only; a tag page of teasers has no article).

The engine is ``data/golden/dev/_build.py`` (imported, not copied), as in ``dev2_tuneD``.

Run:  python data/golden/dev2_tuneD2/_build.py   (pages: $RIWAYA_DEV2D2_CORPUS, default
      /work/corpus/dev2_tuneD2/tune)
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("RIWAYA_DEV2D2_CORPUS", "/work/corpus/dev2_tuneD2/tune"))
TUNE = ["R-128_06", "R-15_07", "R-509_04", "V-634_03"]


sys.path.insert(0, str(HERE.parent))
from engine import load  # noqa: E402  (data/golden/engine.py)


E = load(CORPUS, n_pages=len(TUNE), heldout=[])


def page(doc_id: str, title: str, article: list[tuple[int, int]]) -> None:
    E.page(doc_id, title=title, article=article, actors=[], places=[])


st = E.st

page("R-128_06", "Al-Quds al-Arabi roundup: Russian bombers at Abu Kamal, Russia accuses the US, "
     "Dillon answers", [(1, 19)])
st("R-128_06", "RUSSIA", "US_SUPPORTS_ISIS", "asserts", 9, "وكانت روسيا اتهمت",
   "بتوفير غطاء فعلي لوحدات من الدولة الإسلامية")
st("R-128_06", "RU_MOD", "ABU_KAMAL_NO_STRIKE", "asserts", 10, "وقالت وزارة الدفاع الروسية",
   "عرقلة الضربات الروسية على التنظيم حول البوكمال")
st("R-128_06", "DILLON", "ABU_KAMAL_NO_STRIKE", "denies", 10, "وردا على المزاعم الروسية",
   "أحدث سيل من الأكاذيب", note="answers the Russian claims just reported (obstructing strikes)")
st("R-128_06", "DILLON", "US_SUPPORTS_ISIS", "denies", 10, "وردا على المزاعم الروسية",
   "أحدث سيل من الأكاذيب", optional=True,
   note="the Russian claims include the cover for ISIS, one sentence earlier")

page("R-15_07", "Tag page 'الجيش السوري': a list of teasers (no article)", [])

page("R-509_04", "Euronews: a Saudi minister in Raqqa (no codebook claim)", [(1, 14)])

page("V-634_03", "Al-Rai: Sochi summit; the army enters Abu Kamal again (SOHR)", [(1, 11)])
st("V-634_03", "SYRIAN_GOV", "ABU_KAMAL_LIBERATED", "asserts", 6,
   "وكان الجيش السوري قد أعلن", "استعادة السيطرة على البوكمال")
st("V-634_03", "UNK", "ABU_KAMAL_LIBERATED", "denies", 6, "من جانبها , تمكنت القوات",
   "حسبما افاد المرصد السوري لحقوق الانسان", speaker="المرصد السوري لحقوق الانسان",
   optional=True, note="ISIS had retaken the town; contradicts without answering (guideline 6)")


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        E.HERE = Path(tmp)
        info = E.build(check_only="--check" in argv)
        if "--check" not in argv:
            (HERE / "tune").mkdir(exist_ok=True)
            for name in ("statements.jsonl", "mentions.jsonl"):
                shutil.copyfile(Path(tmp) / "tune" / name, HERE / "tune" / name)
    cs = [c for c in info["counts"].values() if c["split"] == "tune"]
    print(f"tune: {len(cs)} pages, {sum(c['required'] for c in cs)} required, "
          f"{sum(c['optional'] for c in cs)} optional statements")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
