"""Golden article lines and places of helper C's dev2 tuning pages (20 real scraped pages).

Pages: /work/corpus/dev2_tuneC/{tune,check}/*.txt (``RIWAYA_DEV2_TUNE_CORPUS``), drawn and split
by /work/corpus/dev2_tuneC/_draw.py (seed 20171201; the split seed 20171202, fixed before any
result). ``tune/`` is tuned on; ``check/`` is scored in aggregate only. Guidelines: those of
``data/golden/dev/README.md`` (main article, several stories on one page, places). Statements are
not annotated (``statements.jsonl`` is empty): this set measures page furniture and places.

Run: python data/golden/dev2_tune/_build.py [--check]
The engine is data/golden/dev/_build.py's (``page``, ``article_set``, ``slice_in``, ...),
imported, not copied.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("RIWAYA_DEV2_TUNE_CORPUS") or "/work/corpus/dev2_tuneC")
sys.path.insert(0, str(HERE.parent))
from engine import load  # noqa: E402  (data/golden/engine.py)

dev = load(CORPUS, n_pages=0)   # pages and split set below

SPLITS = ("tune", "check")
MINE: list[str] = []


def page(doc_id: str, **kw) -> None:
    """One page (the dev engine's ``page``), remembered as one of this set's."""
    dev.page(doc_id, **kw)
    MINE.append(doc_id)


# --------------------------------------------------------------------------- tune half
page("R-128_02", title="Russian long-range bombers strike ISIS near Abu Kamal",
     article=[(1, 2)], actors=[],
     places=["ABU_KAMAL", "DEIR_EZZOR", "CC:SY", "CC:RU", "CC:IR", "CC:IQ"],
     unlisted=["حميميم"])
page("R-207_00", title="DW: Ankara and Washington on ending military support to the Kurds",
     article=[(2, 15)], actors=[],
     places=["CC:SY", "CC:TR", "CC:US"],
     not_places=["عملية جنيف"], metonyms=["أنقرة وواشنطن"],
     unlisted=["فلوريدا"], note="line 16 on: byline and a photo gallery of another author")
page("R-290_08", title="Youm7: SDF says the defecting commander was pressed by Turkey",
     article=[(1, 3)], actors=[], places=["CC:SY", "RAQQA", "CC:TR"],
     metonyms=["تركيا بالضغط", "تعليق عن تركيا", "نفوذها تركيا"])
page("R-435_02", title="Russia strikes Deir ez-Zor with Kalibr missiles",
     article=[(1, 4)], actors=[], places=["DEIR_EZZOR"],
     not_places=["الجبهة الشامية"], unlisted=["البحر المتوسط"])
page("R-462_03", title="Elaph: CIA chief's letter to Soleimani",
     article=[(1, 11)], actors=[], places=["CC:IQ", "CC:IR", "ABU_KAMAL", "name:Tikrit"],
     not_places=["فيلق القدس", "بأنه"], unlisted=["لندن (site header)", "كاليفورنيا"])
page("R-505_11", title="Al Ittihad: SDF: Raqqa part of a federal Syria",
     article=[(1, 3)], actors=[],
     places=["RAQQA", "CC:SY", "DEIR_EZZOR", "EUPHRATES", "ABU_KAMAL", "name:Paris",
             "name:Brussels", "name:Nice", "name:Manchester"],
     not_places=["بدور"], unlisted=["دمشق (dateline)"],
     note="lines 4-5: a second story (Washington, Tillerson) glued on after its headline")
page("R-524_03", title="Al-Ahram al-Arabi: how ISIS's 'caliphate' collapsed (list)",
     article=[(1, 31)], actors=[],
     places=["MOSUL", "CC:IQ", "CC:SY", "name:Tikrit", "name:Baghdad", "name:Sinjar",
             "name:Ramadi", "FALLUJAH", "name:Al Qayyarah", "name:Ash Sharqat",
             "name:`Ayn al `Arab", "CC:TR", "name:Tadmur", "DAMASCUS", "name:Manbij",
             "name:Aleppo", "RAQQA", "name:Jarabulus", "name:Suran", "name:Al Bab",
             "name:Al-Tabqa", "CC:LY", "name:Sirte", "name:Darnah", "name:Benghazi"],
     not_places=["كبيرا"], unlisted=["دابق", "صلاح الدين"])
page("R-563_09", title="Xinhua annual report: 2017 saw ISIS defeated",
     article=[(1, 42)], actors=[],
     places=["CC:SY", "RAQQA", "name:London", "DEIR_EZZOR", "name:Al Mayadin", "ABU_KAMAL",
             "CC:IQ", "DAMASCUS", "name:Homs", "name:Tadmur", "name:Astana", "name:Sochi",
             "name:Idlib", "name:Latakia", "name:Aleppo", "name:Hamah", "name:Ar Rastan",
             "name:Tallbisah", "name:Dar`a", "name:Al Qunaytirah"],
     not_places=["محادثات جنيف", "بلورة", "وردا"],
     unlisted=["معبر التنف", "الغوطة الشرقية", "جزل", "الشاعر"])
page("V-466_08", title="Hamrin News (AFP): heavy strikes on Raqqa, civilians flee",
     article=[(1, 8)], actors=[],
     places=["RAQQA", "CC:SY", "ABU_KAMAL", "CC:IQ", "name:Al Mayadin", "DEIR_EZZOR",
             "EUPHRATES"])
page("V-84_05", title="Mehr: interview with Akram al-Kaabi (Nujaba)",
     article=[(1, 36)], actors=[],
     places=["MOSUL", "CC:IQ", "CC:SY", "name:Bayji", "name:Tikrit", "FALLUJAH",
             "name:As Safirah", "RAQQA", "DEIR_EZZOR"],
     unlisted=["جرف الصخر", "امرلي", "the village list of line 6"])

TUNE = list(MINE)

# --------------------------------------------------------------------------- check half
# (annotated from the raw pages before any build was scored on them; scored in aggregate only)
page("R-241_00", title="Asharq al-Awsat: Putin: a solution in Syria needs concessions (Sochi summit)",
     article=[(1, 16)], actors=[],
     places=["name:Sochi", "CC:RU", "CC:SY", "name:Moscow", "name:Astana", "name:Idlib",
             "name:Homs", "DAMASCUS", "name:Riyadh", "name:Tadmur", "name:Aleppo", "DEIR_EZZOR",
             "ABU_KAMAL"],
     not_places=["محادثات جنيف"], metonyms=["موسكو وطهران وأنقرة"])
page("R-26_09", title="Enab Baladi tag archive 'ISIS' (listing page)", article=[], actors=[],
     places=[])
page("R-33_01", title="Arabi21: Australia ends its air strikes in Iraq and Syria",
     article=[(1, 10)], actors=[],
     places=["CC:IQ", "CC:SY", "MOSUL", "RAQQA", "name:Baghdad", "CC:AU"],
     unlisted=["سيدني (dateline)", "قاعدة التاجي"])
page("R-376_02", title="Asharq al-Awsat: ISIS attacks slow the regime's advance on Abu Kamal",
     article=[(1, 10)], actors=[],
     places=["ABU_KAMAL", "DEIR_EZZOR", "CC:SY", "name:Al Mayadin", "EUPHRATES", "CC:RU",
             "name:Moscow"],
     unlisted=["بيروت (dateline)", "القورية", "بقرص", "حميميم", "المحطة الثانية"])
page("R-499_01", title="Youm7 news digest at 6 pm (items are the content)",
     article=[(1, 22)], actors=[],
     places=["name:Suez", "CC:EG", "CC:US", "CC:SY", "RAQQA", "name:Jeddah", "name:Sanaa",
             "CC:YE"],
     not_places=["مهرجان القاهرة", "فريقه ليفربول", "الرفاعى"], metonyms=["دولة الامارات"],
     unlisted=["الروضة (village in North Sinai)", "أوروبا"])
page("R-60_01", title="Al-Souri: what Russia, Iran, Turkey, the US, Assad and the opposition want",
     article=[(1, 25)], actors=[],
     places=["CC:SY", "name:Geneva", "name:Astana", "name:Sochi", "name:Riyadh", "CC:IQ",
             "CC:LB", "name:Al Kiswah", "name:`Afrin", "RAQQA", "CC:UA"],
     unlisted=["القرم"])
page("R-635_03", title="Palestine Now: 133 civilians killed by strikes on Deir ez-Zor and Raqqa",
     article=[(1, 8)], actors=[],
     places=["DEIR_EZZOR", "RAQQA", "CC:SY", "name:Homs", "DAMASCUS", "name:Al `Asharah",
             "EUPHRATES", "ABU_KAMAL", "CC:IQ"],
     not_places=["فلسطين الآن"], unlisted=["درنج", "البوليل"])
page("V-641_05", title="Syrian Human Rights Committee front page (teasers; listing)",
     article=[], actors=[], places=[])
page("V-696_02", title="Sputnik: the army's gains in the Aleppo countryside",
     article=[(1, 4)], actors=[],
     places=["name:Aleppo", "RAQQA", "name:Maskanah", "name:Dayr Hafir", "name:Al Khafsah",
             "name:Latakia", "name:Hamah"],
     not_places=["كسبها"], unlisted=["مطار كويرس"])
page("V-696_06", title="SDF site opinion: the liberation of Raqqa and Syria's political map",
     article=[(1, 22)], actors=[],
     places=["RAQQA", "CC:SY", "DEIR_EZZOR", "name:Idlib", "name:Jarabulus", "name:Manbij",
             "name:I`zaz", "name:Al Bab", "name:Dayr Hafir", "name:Maskanah", "name:Sochi",
             "CC:VN", "CC:IQ", "name:Astana"],
     not_places=["كسرت"], unlisted=["حميميم"],
     note="words broken by the scraper where a shadda was dropped ('الر ق ة', 'سوري ا')")


def write(check_only: bool = False) -> dict:
    orig = dev.CORPUS
    out = {}
    for split in SPLITS:
        docs = TUNE if split == "tune" else MINE[len(TUNE):]
        dev.CORPUS = CORPUS / split
        rows, errors = [], []
        for doc_id in docs:
            p = dev.PAGES[doc_id]
            lines = dev.read_lines(doc_id)
            art = dev.article_set(p)
            atext = dev.article_text(lines, p)
            boiler = []
            for n, line in enumerate(lines, 1):
                s = line.strip()
                if n in art or not s or not dev.LETTER.search(s) or s in atext or s in boiler:
                    continue
                boiler.append(s)
            sliced = {}
            for key in ("not_places", "metonyms"):
                vals = []
                for s in p[key]:
                    try:
                        vals.append(dev.slice_in(atext, s, f"{doc_id} {key}"))
                    except AssertionError as e:
                        errors.append(str(e))
                sliced[key] = vals
            rows.append({"doc_id": doc_id, "actors": p["actors"], "places": p["places"],
                         "not_places": sliced["not_places"], "metonyms": sliced["metonyms"],
                         "boilerplate": boiler, "article_lines": p["article"]})
        if errors:
            raise SystemExit("annotation errors:\n  " + "\n  ".join(errors))
        out[split] = rows
        if not check_only:
            d = HERE / split
            d.mkdir(exist_ok=True)
            (d / "statements.jsonl").write_text("", encoding="utf-8")
            with open(d / "mentions.jsonl", "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    dev.CORPUS = orig
    return out


if __name__ == "__main__":
    res = write("--check" in sys.argv)
    print({k: len(v) for k, v in res.items()})
