"""Write ``sentence_forms.parquet`` into a corpus built before the build wrote it.

    .venv/bin/python benchmarks/add_sentence_forms.py PROCESSED_DIR

What a build now writes beside its tables (riwaya/pipeline/sentence_forms.py: each sentence's
compared form, row for row with ``sentences``), made from the current build's sentences, a row
group at a time: the same bytes the build writes, without building again (a 100,000-article
build is half an hour). For benchmarks of Compare sources on a corpus built before; the next
build makes its own. A forms file of an older build (the forms as text) is converted to the
stored forms (bytes, ``stored_form``) without normalising again (1.9M sentences: ~10 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from riwaya.pipeline.sentence_forms import FORMS_SCHEMA, FORMS_TABLE, form_rows, stored_form  # noqa: E402
from riwaya.pipeline.store import build_dir  # noqa: E402


def add_forms(processed: Path) -> Path:
    """Write the forms of the current build of ``processed``; returns the file written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    build = build_dir(processed)
    target = build / f"{FORMS_TABLE}.parquet"
    sentences = pq.ParquetFile(build / "sentences.parquet")
    old = pq.ParquetFile(target) if target.is_file() else None
    as_text = old is not None and old.schema_arrow.field("form").type == pa.string() \
        and old.num_row_groups == sentences.num_row_groups
    part = target.with_suffix(".parquet.part")
    with pq.ParquetWriter(part, FORMS_SCHEMA) as writer:
        for i in range(sentences.num_row_groups):   # the build's parts: one row group each
            if as_text:    # an older build's forms, as text: stored as the build now stores them
                rows = old.read_row_group(i).to_pylist()
                rows = [{**r, "form": stored_form(r["form"] or "")} for r in rows]
            else:
                rows = form_rows(sentences.read_row_group(i, columns=["doc_id", "sentence_id", "text"]).to_pylist())
            writer.write_table(pa.Table.from_pylist(rows, schema=FORMS_SCHEMA))
    part.replace(target)
    return target


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("processed", type=Path, help="the processed folder (its manifest names the build)")
    args = ap.parse_args()
    t = time.perf_counter()
    target = add_forms(args.processed)
    print(f"wrote {target} ({target.stat().st_size / 2**20:.1f} MB) in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
