"""The whole signal pass over a corpus: in memory, streamed to disk, or filtered after the fact."""

from framing.pipeline.signals import Signals, compute_signals, outlet_table, stream_signals
from framing.pipeline.subset import filter_signals, load_signal_tables

__all__ = ["Signals", "compute_signals", "filter_signals", "load_signal_tables", "outlet_table", "stream_signals"]
