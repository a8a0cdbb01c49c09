"""The batch pipeline: raw articles in, a processed corpus (Parquet) out.

One document flows through small stages, each a module with one job::

    ingest    read a file, decode it, refuse what is not an article      (ingest.py, metadata.py)
    clean     drop menus, teasers, tickers, credits; find the outlet     (clean.py)
    segment   sentences                                                  (riwaya/text/segment.py)
    mentions  actors and places, with offsets                            (mentions.py, gazetteer.py,
                                                                          geocode.py, ner.py)
    statements  who said what about which claim, with which stance       (statements/)
    store     the tables, published atomically                           (store.py, schema.py)

``build.py`` runs them over a folder: ``document.py`` is the per-article function, run in this
process, a process pool (``parallel.py``) or on Dask (``distributed.py``); unchanged articles
are reused from the previous build (``incremental.py``); ``assemble.py`` writes the rows in parts. The codebook (riwaya/codebook) is loaded and compiled once
per build; nothing here knows the event.
"""
