"""The sentences of the groups compared, with the form each is compared on.

Compare sources (:mod:`riwaya.dashboard.compare`) needs, for every sentence of the chosen
articles, its group and its compared form (:func:`riwaya.pipeline.sentence_forms.compared_form`).
A build writes every sentence's form once (``sentence_forms.parquet`` beside its tables); they
are read here for the articles compared only, by DuckDB (six outlets at 100,000 articles:
400,000 forms, kept as one Arrow array, never a Python string each). A corpus without
that file (an older build, a corpus held in memory) has its sentences' text read by DuckDB and
normalised here, each distinct text once, as the page did before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from riwaya.dashboard.query import BATCH_ROWS, MEMORY_LIMIT
from riwaya.errors import CorpusError
from riwaya.pipeline.sentence_forms import FORMS_TABLE, WIDE, compared_form, form_of

#: the columns of the sentences compared (with their forms beside them)
KEY_COLUMNS = ["group", "doc_id", "sentence_id"]


def forms_file(prep) -> Path | None:
    """The build's ``sentence_forms.parquet`` when the corpus was read from a build that has
    one (:meth:`riwaya.dashboard.query.Texts.over_parquet`), else None."""
    where = getattr(getattr(prep, "texts", None), "where", None)
    if not where or where == "memory":
        return None
    path = Path(where) / f"{FORMS_TABLE}.parquet"
    return path if path.is_file() else None


def compared_sentences(prep, groups: Mapping[str, Sequence[str]]) -> tuple[pd.DataFrame, pa.Array]:
    """(sentences, forms): every sentence of each group's articles, group by group (in the
    order of ``groups``), each group's in corpus order (columns :data:`KEY_COLUMNS`), and the
    compared form of each (a pyarrow string or dictionary array aligned with them)."""
    if not isinstance(groups, Mapping):
        raise TypeError(f"compared_sentences: expected {{group label: [doc_id, ...]}}, got {groups!r}")
    path = forms_file(prep)
    if path is None:
        return _from_text(prep, groups)
    import duckdb

    try:
        return _from_file(path, groups)
    except (OSError, pa.ArrowException, duckdb.Error) as exc:   # a build pruned while an old page read it
        raise CorpusError(f"{path} could not be read ({exc}); it was probably replaced by a newer "
                          f"build: reload the page") from exc


def _from_file(path: Path, groups: Mapping[str, Sequence[str]]) -> tuple[pd.DataFrame, pa.Array]:
    """Read from the build's forms the articles' rows only, by DuckDB (it decodes the forms of
    six outlets at 100,000 articles in half the time pyarrow takes, streamed)."""
    import duckdb

    labels = list(groups)
    wanted = pa.table({"doc_id": pa.array([str(d) for docs in groups.values() for d in docs], pa.string()),
                       "g": pa.array([k for k, docs in enumerate(groups.values()) for _ in docs], pa.int32())})
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.register("_wanted", wanted)
        file = path.as_posix().replace("'", "''")
        table = con.sql(f"SELECT w.g, f.file_row_number AS r, f.doc_id, f.sentence_id, f.form "
                        f"FROM read_parquet('{file}', file_row_number = true) f "
                        f"JOIN _wanted w ON f.doc_id = w.doc_id").to_arrow_reader(BATCH_ROWS).read_all()
    finally:
        con.close()
    # group by group, each in corpus order; the forms as numbers into their distinct texts
    # (moved about as numbers, not strings, and each text once for what follows)
    order = pa.array(np.lexsort((table.column("r").to_numpy(), table.column("g").to_numpy())))
    form = table.column("form").combine_chunks().dictionary_encode()
    form = pa.DictionaryArray.from_arrays(form.indices.take(order), _comparable(form.dictionary))
    table = table.select(["g", "doc_id", "sentence_id"]).take(order)
    doc = table.column("doc_id").combine_chunks().dictionary_encode()
    keys = pd.DataFrame({
        "group": np.asarray(labels, dtype=object)[table.column("g").to_numpy()] if len(table)
        else np.zeros(0, dtype=object),
        "doc_id": pd.Categorical.from_codes(doc.indices.to_numpy(zero_copy_only=False),
                                            categories=doc.dictionary.to_pylist()),
        "sentence_id": table.column("sentence_id").to_numpy().astype("int64"),
    }, columns=KEY_COLUMNS)
    return keys, form


def _comparable(forms: pa.Array) -> pa.Array:
    """The distinct forms read, as the matcher compares them: the build's stored forms (bytes,
    :func:`~riwaya.pipeline.sentence_forms.stored_form`) as they are, unless one of them is
    wide (a character past one byte), then all as text (an older build's forms are text)."""
    import pyarrow.compute as pc

    if not pa.types.is_binary(forms.type) or not pc.any(pc.starts_with(forms.cast(pa.binary()), WIDE)).as_py():
        return forms
    return pa.array([form_of(b) for b in forms.to_pylist()], pa.string())


def _from_text(prep, groups: Mapping[str, Sequence[str]]) -> tuple[pd.DataFrame, pa.Array]:
    """The sentences' text read by DuckDB (these articles' only), each distinct text
    normalised once."""
    from riwaya.dashboard.query import with_texts

    sentences = prep.sentences
    frames = [sentences.loc[sentences["doc_id"].isin(list(docs)).to_numpy(), ["doc_id", "sentence_id"]]
              .assign(group=label) for label, docs in groups.items()]
    keys = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=KEY_COLUMNS)
    if keys.empty:
        return pd.DataFrame(columns=KEY_COLUMNS), pa.array([], pa.string())
    keys = with_texts(prep.texts, keys)
    texts = ["" if t is None else str(t) for t in keys["text"].tolist()]
    form = {t: compared_form(t) for t in dict.fromkeys(texts)}
    keys = keys.assign(doc_id=keys["doc_id"].astype(object), sentence_id=keys["sentence_id"].astype("int64"))
    return keys[KEY_COLUMNS], pa.array([form[t] for t in texts], pa.string())
