"""Benchmark scripts: `python -m bench.generate` builds the dataset, `python -m bench.run` measures (make bench)."""
