"""The README's numbers are the code's numbers."""

from __future__ import annotations

from conftest import ROOT
from framing.pipeline.signals import compute_signals, outlet_table


def test_readme_outlet_table_matches_the_seeds(seed_corpus):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("<!-- outlet-table:start -->\n", 1)[1].split("\n<!-- outlet-table:end -->", 1)[0]
    table = outlet_table(compute_signals(seed_corpus, n_resamples=2000, seed=0).frame_scores)
    assert shown.strip() == table.to_markdown(index=False).strip()


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1200]
    assert "make report" in head and "make test" in head


def test_readme_documents_every_table_column_of_the_schema():
    """The table contracts in the README name every column framing.schema defines, under the table's name."""
    from framing.schema import TABLES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        starts = [i for i in range(len(readme)) if readme.startswith(f"**{table}**", i)]
        assert starts, table
        section = " ".join(readme[at:at + 2500] for at in starts)
        missing = [c for c in columns if c not in section]
        assert not missing, (table, missing)
