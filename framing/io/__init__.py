"""Reading raw inputs and writing tables: decoding, file and table readers, the metadata sidecar, table files,
and the signal cache."""

from framing.io.cache import cache_dir, corpus_checksum, load_cached, signals_key, store
from framing.io.decode import UnreadableInput, decode_bytes
from framing.io.inputs import Inputs, list_inputs
from framing.io.readers import RawDocument, read_document
from framing.io.sheets import read_coding_sheets, write_coding_sheet
from framing.io.sidecar import load_metadata
from framing.io.tables import TableStream, read_tables, write_tables

__all__ = [
    "RawDocument", "TableStream", "UnreadableInput", "cache_dir", "corpus_checksum", "decode_bytes",
    "Inputs", "list_inputs", "load_cached", "load_metadata", "read_document", "read_tables", "signals_key", "store",
    "write_tables", "read_coding_sheets", "write_coding_sheet",
]
