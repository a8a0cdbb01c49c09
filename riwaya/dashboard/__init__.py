"""The dashboard's logic, as plain pandas (no Streamlit here): the pages load, call and show.

Modules, one concern each:

- ``palette``  colours (actors, claims, outlets, stances) and the Arabic fonts;
- ``query``    the articles' and sentences' text, read by DuckDB from the Parquet files for what
  is shown (never held in the shared frames);
- ``corpus``   :class:`~riwaya.dashboard.corpus.Prepared`, the corpus tables joined once by
  ``prepare`` (``load_prepared`` reads a build without its text columns); display labels of
  actors, claims and outlets;
- ``filters``  the sidebar's ``Filters``, parsed once, and ``Filters.apply(prep) -> View``: the
  statements, sentences, mentions, documents and outlets in view, which every page uses;
- ``map``      places in view, the map's region computed from the corpus, a place's sentences;
- ``matrix``   the actor × claim matrix and the evidence behind a cell;
- ``compare``  claims per outlet or article, omissions, shared sentences, whom each quotes;
- ``reader``   the articles in view and their labels, one article's data, highlight spans;
- ``overview`` headline numbers, statements per claim and stance, the articles table;
- ``timeline`` each claim's lifecycle by date (or article order): first assertion, denial, concession;
- ``network``  actors linked by agreement and conflict on claims, laid out; GraphML/CSV export;
- ``html``     ALL the HTML of the dashboard, escaping every piece of text in one place.

Dependencies run one way: (palette, query) ← corpus ← filters ← (map, matrix, reader) ← compare,
overview, timeline; filters ← network; ``html`` uses corpus, palette and reader.
"""
