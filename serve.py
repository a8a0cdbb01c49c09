"""Start the dashboard: ``python serve.py [streamlit options]``; ``make run`` uses it.

The same as ``streamlit run app.py``, plus a warm-up: once the server is up, the libraries
the first page run needs are imported while the browser is still loading the frontend
(components/fastchart/warmup.py), and a run's elements sent together rather than one by one
(components/fastchart/batching.py; components/fastchart/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def _server_ready() -> bool:
    from streamlit.runtime import Runtime, RuntimeState

    return Runtime.exists() and Runtime.instance().state != RuntimeState.INITIAL


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from components.fastchart import batching, warmup
    from streamlit.web import cli

    batching.install()  # a run's elements reach the browser together (fewer React renders)
    warmup.start(_server_ready)
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
