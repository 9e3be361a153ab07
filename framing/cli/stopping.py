"""Ctrl-C and SIGTERM for the command line: the run stops, even when a library swallowed the first signal.

A Python signal handler raises its exception wherever the main thread happens to be, and some code there
catches everything: a finaliser run by the garbage collector ("Exception ignored in ..."), or a compiled
extension's import hook that turns any error into a warning (seen: "Cython module failed to patch module with
custom type" right after a swallowed ``KeyboardInterrupt``). The run then went on scoring as if nothing had
happened, and a Ctrl-C to ``framing signals`` could be ignored for minutes. So once a stop signal has
arrived, :class:`StopSignals` raises it again every second until the run is on its way out (the exception
is being handled: an ``except`` or ``finally`` block is cleaning up) or has ended. The exception may reach
the command as another one (an extension whose import was interrupted raises ``ImportError``): the command
line reports any error after a stop signal as the stop.
"""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType, TracebackType


class Terminated(BaseException):
    """SIGTERM arrived (``timeout``, a scheduler, ``kill``)."""


class StopSignals:
    """Turn SIGINT into ``KeyboardInterrupt`` and SIGTERM into :class:`Terminated`, raised until the run stops.

    Use it as a context manager around a command, in the main thread; the previous handlers come back on exit.
    Leave the ``with`` block (or call :meth:`finish`) as soon as the exception is caught, so that it is not raised
    again into the code that reports it.

    Example:
        >>> with StopSignals() as stops:
        ...     pass
        >>> stops.signum is None
        True
    """

    def __init__(self, *, every: float = 1.0) -> None:
        self.every = every
        self.signum: int | None = None
        self._done = threading.Event()
        self._repeater: threading.Thread | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.finish()
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        if self._repeater is not None:
            self._repeater.join()

    def finish(self) -> None:
        """The run has stopped (or ended): raise nothing more."""
        self._done.set()

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self._done.is_set():
            return
        if self.signum is None:
            self.signum = signum
            self._repeater = threading.Thread(target=self._repeat, name="framing-stop", daemon=True)
            self._repeater.start()
        elif sys.exc_info()[1] is not None:
            return  # an except or finally block is running: the stop (or what it became) is on its way out
        raise KeyboardInterrupt if self.signum == signal.SIGINT else Terminated()

    def _repeat(self) -> None:
        import _thread

        while not self._done.wait(self.every):
            _thread.interrupt_main(self.signum)  # runs _on_signal in the main thread, as a new signal would
