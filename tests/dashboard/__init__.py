"""Tests of riwaya.dashboard, one file per module (their fixtures: conftest.py here)."""
