"""The parts of ``benchmarks/load_sessions.py`` (many readers): ``browser_js`` (what a tab is
asked: idle, armed, done), ``session`` (one reader's session: map load, actor filter, errors),
``stats`` (percentiles, the run's result, its report, the server's trace)."""
