"""serve.py's warm-up: heavy imports happen once the server is up, and pages wait for them."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from components.fastchart import warmup
t = time.monotonic(); warmup.wait(); assert time.monotonic() - t < 0.05  # nothing started: no wait
ready = {"now": False}
warmup.start(lambda: ready["now"], poll=0.01)
time.sleep(0.2)
assert "duckdb" not in sys.modules, "imported before the server was up"
ready["now"] = True
warmup.wait(timeout=60)
missing = [m for m in warmup.MODULES if m not in sys.modules]
assert not missing, missing
print("ok")
"""


def test_warm_up_waits_for_the_server_then_imports():
    res = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0 and res.stdout.strip() == "ok", res.stderr[-2000:]
