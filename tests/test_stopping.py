"""Ctrl-C and SIGTERM stop a run even when the first signal is swallowed by code that catches everything.

The bug these tests pin: SIGINT to ``framing signals`` on 2,000 articles sometimes never stopped it (three
clean-clone CI runs, then twice in 100 tries with a reproducer). A faulthandler dump showed the run still
scoring minutes later: the ``KeyboardInterrupt`` had been raised inside code that swallows any exception (one
dump had "KeyboardInterrupt" followed by Cython's "failed to patch module" warning, from an import hook).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

import framing.pipeline.chunks as chunks
from framing.cli import main
from framing.cli.stopping import StopSignals, Terminated
from test_hostile import seed_copies


def _swallow(signum: int) -> bool:
    """Send ``signum`` to this process inside a catch-all, as a finaliser or an import hook would."""
    try:
        os.kill(os.getpid(), signum)
        time.sleep(0.5)  # the handler runs here
    except BaseException:  # noqa: BLE001 - the point: the library swallows it
        return True
    return False


@pytest.mark.parametrize(("signum", "kind"), [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Terminated)])
def test_a_swallowed_stop_signal_is_raised_again(signum, kind):
    with pytest.raises(kind), StopSignals(every=0.1) as stops:
        assert _swallow(signum)  # the first raise is lost ...
        for _ in range(50):  # ... and without the repeat this loop ran to its end
            time.sleep(0.1)
    assert stops.signum == signum


def test_nothing_is_raised_again_once_the_stop_is_handled_or_finished():
    caught = 0
    with StopSignals(every=0.05) as stops:
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        except KeyboardInterrupt:
            caught += 1
            time.sleep(0.3)  # cleanup while the stop is handled: no second raise into it
        stops.finish()
        time.sleep(0.3)  # finished: none either
    assert caught == 1 and stops.signum == signal.SIGINT


def test_stop_signals_restores_the_previous_handlers():
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    with StopSignals():
        assert signal.getsignal(signal.SIGINT) is not before[0]
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_signals_stops_with_130_when_a_stage_swallowed_the_ctrl_c(tmp_path, seeds_dir, monkeypatch, capsys):
    corpus = seed_copies(tmp_path / "many", seeds_dir, 60)
    out = tmp_path / "out"
    assert main(["signals", str(seeds_dir), "--out", str(out), "--resamples", "0", "--no-progress"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real, scored = chunks.score_chunk, []

    def score_and_swallow(chunk, run):
        if not scored:
            assert _swallow(signal.SIGINT)
        scored.append(len(chunk.articles))
        time.sleep(0.3)
        return real(chunk, run)

    monkeypatch.setattr(chunks, "score_chunk", score_and_swallow)
    assert main(["signals", str(corpus), "--out", str(out), "--workers", "1", "--chunk-docs", "1",
                 "--resamples", "0", "--no-progress"]) == 130
    assert "interrupted; the previous output is left as it was" in capsys.readouterr().err
    assert 1 <= len(scored) < 20, scored  # stopped about a second after the swallowed signal, not after 60 chunks
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".out.*"))


def test_the_command_line_loads_no_heavy_library_before_its_signal_handling():
    """``import framing.cli`` stays light, so that Ctrl-C handling is in place before pandas and spaCy load."""
    code = "import sys, framing.cli; print(sorted(m for m in ('pandas', 'scipy', 'spacy', 'numpy') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_lazy_package_namespace_resolves_every_public_name():
    import framing

    assert set(framing.__all__) == {*framing._EXPORTS, "__version__"}
    for name in framing.__all__:
        assert getattr(framing, name) is not None, name
    assert framing.stats.__name__ == "framing.stats"
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        framing.nonsense  # noqa: B018


def test_an_error_that_a_swallowed_ctrl_c_turned_into_is_reported_as_the_interruption(tmp_path, seeds_dir,
                                                                                    monkeypatch, capsys):
    """Seen in the reproducer: Ctrl-C during an extension's import surfaced as "ImportError: initialization
    failed" with a traceback and exit code 1."""
    def interrupted_import(chunk, run):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.5)
        except KeyboardInterrupt:
            raise ImportError("initialization failed") from None

    monkeypatch.setattr(chunks, "score_chunk", interrupted_import)
    assert main(["signals", str(seeds_dir), "--out", str(tmp_path / "out"), "--workers", "1",
                 "--resamples", "0", "--no-progress"]) == 130
    err = capsys.readouterr().err
    assert "framing signals: interrupted" in err and "ImportError" not in err
    assert not (tmp_path / "out").exists() and not list(tmp_path.glob(".out.*"))


def test_an_error_without_a_signal_is_still_raised(tmp_path, seeds_dir, monkeypatch):
    def broken(chunk, run):
        raise ImportError("a real bug")

    monkeypatch.setattr(chunks, "score_chunk", broken)
    with pytest.raises(ImportError, match="a real bug"):
        main(["signals", str(seeds_dir), "--out", str(tmp_path / "out"), "--workers", "1", "--resamples", "0",
              "--no-progress"])
