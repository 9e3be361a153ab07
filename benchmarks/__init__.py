"""Benchmarks for framing (not part of the test run): ``python -m benchmarks.run --help``."""
