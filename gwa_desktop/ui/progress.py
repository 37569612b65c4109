"""Long steps off the GUI thread: a progress dialog with Cancel, and one place for their errors.

The work (an export, an import, a backup, a restore) runs on a worker thread with its own
database sessions: the services open one per step, and SQLAlchemy's pool hands each
thread its own connection. The GUI thread meanwhile keeps its event loop turning, so the
window repaints and the Cancel button answers, and it polls the worker's last report a
few times a second to move the bar. Cancel sets a flag that the worker's next progress
report turns into `Cancelled`, which unwinds through the atomic writer or the database
transaction, so nothing half-done remains.

The call itself returns only when the work is over, with the same (ok, result) as
`attempt`: callers and tests stay as simple as with work on the GUI thread, and failures
become messages here, on the GUI thread, in one place.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from gwa_desktop.exchange.errors import Cancelled, ExchangeError
from gwa_desktop.exchange.progress import Progress
from gwa_desktop.i18n import _
from gwa_desktop.ui.operations import (
    attempt,
    is_foreseen,
    message_for,
    report_unexpected,
    show_error,
)

T = TypeVar("T")
SCALE = 1000
#: How often the GUI thread looks at the worker (ms): often enough for a fluid bar,
#: rare enough to cost nothing.
POLL_MS = 40


@dataclass
class _Job(Generic[T]):
    """What the worker thread shares with the GUI thread; each field has one writer."""

    work: Callable[[Progress], T]
    cancel: threading.Event = field(default_factory=threading.Event)
    done: threading.Event = field(default_factory=threading.Event)
    fraction: float = 0.0
    result: T | None = None
    error: BaseException | None = None

    def progress(self, done: int, total: int, text: str) -> None:
        """The worker's progress callback: remember the share done, stop when cancelled."""
        if total:
            self.fraction = min(1.0, done / total)
        if self.cancel.is_set():
            raise Cancelled()

    def run(self) -> None:
        try:
            self.result = self.work(self.progress)
        except BaseException as error:
            self.error = error
        finally:
            self.done.set()


def run_in_background(
    work: Callable[[Progress], T],
    on_tick: Callable[[_Job[T]], None] | None = None,
    cancel: threading.Event | None = None,
) -> T:
    """Run `work(progress)` on a worker thread while this thread's event loop keeps running.

    Returns its result or raises its exception here, in the calling (GUI) thread.
    `on_tick` is called on every poll with the job (to show its progress).
    """
    job: _Job[T] = _Job(work)
    if cancel is not None:
        job.cancel = cancel
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def tick() -> None:
        if on_tick is not None:
            on_tick(job)
        if job.done.is_set():
            loop.quit()

    timer.timeout.connect(tick)
    worker = threading.Thread(target=job.run, name="gwa-work", daemon=True)
    worker.start()
    timer.start()
    if not job.done.is_set():
        loop.exec()
    timer.stop()
    worker.join()
    if job.error is not None:
        raise job.error
    return job.result  # type: ignore[return-value]  # set by run() when no error


def run_with_progress(
    parent: QWidget | None, label: str, work: Callable[[Progress], T]
) -> tuple[bool, T | None]:
    """Run `work(progress)` on a worker thread behind a cancellable progress dialog.

    (False, None) after a message on failure or cancel; (True, result) otherwise.
    """
    dialog = QProgressDialog(label, _("Cancel"), 0, SCALE, parent)
    dialog.setWindowTitle(_("GWA Desktop"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setValue(0)
    cancel = threading.Event()
    # At once, not at the next poll: a worker between two polls would otherwise finish
    # the work the user has just cancelled (the button and closing the dialog emit it).
    dialog.canceled.connect(cancel.set)

    def show(job: _Job[T]) -> None:
        if dialog.wasCanceled():  # also cancel() called directly, which emits nothing
            cancel.set()
        dialog.setValue(min(SCALE - 1, int(job.fraction * SCALE)))

    try:
        ok, result = attempt(parent, lambda: run_in_background(work, show, cancel))
    except Cancelled as cancelled:
        QMessageBox.information(parent, _("GWA Desktop"), str(cancelled))
        return False, None
    except ExchangeError as error:
        show_error(parent, str(error))
        return False, None
    finally:
        dialog.reset()
        dialog.deleteLater()
    return ok, result


class LatestOnly(QObject):
    """Runs reads off the GUI thread without waiting for them; only the newest one counts.

    Search as you type must not freeze the window while a query runs, and a typist's
    keystrokes must not queue their queries: each `start` supersedes the calls before
    it, whose answers are dropped when they arrive (a generation counter), so a slow
    older search never overwrites the result of a newer one. The answer is handed to
    `done` on the GUI thread; a failure becomes a message there, in one place, as with
    `attempt`.
    """

    #: Carries only the call's number: the answer waits in `_answers` (Python objects
    #: sent through a queued signal upset PySide's reference counts at exit).
    _finished = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._generation = 0
        self._running: set[int] = set()
        self._answers: dict[int, tuple[object, BaseException | None]] = {}
        self._done: Callable[[object], None] | None = None
        # Emitted from the worker thread: Qt queues it to this object's (the GUI) thread.
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> bool:
        """Whether the newest call has not answered yet."""
        return self._generation in self._running

    @property
    def idle(self) -> bool:
        """Whether every call started has answered (superseded ones included)."""
        return not self._running

    def start(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        launch: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        """Run `work` on a worker thread and hand its answer to `done`.

        `launch`, when given, is called with the function that starts the thread and
        decides when (e.g. `after_paint.after_next_paint`); the call counts as pending
        from now, and one superseded before it began never starts.
        """
        self._generation += 1
        generation = self._generation
        self._done = done  # type: ignore[assignment]  # called with work's result only
        self._running.add(generation)

        def run() -> None:
            result: object = None
            error: BaseException | None = None
            try:
                result = work()
            except BaseException as failure:
                error = failure
            self._answers[generation] = (result, error)
            # RuntimeError: the page was closed meanwhile, nobody waits for the answer.
            with contextlib.suppress(RuntimeError):
                self._finished.emit(generation)

        def begin() -> None:
            if generation != self._generation:
                self._running.discard(generation)  # superseded: nobody waits for it
                return
            threading.Thread(target=run, name="gwa-read", daemon=True).start()

        if launch is None:
            begin()
        else:
            launch(begin)

    def supersede(self) -> None:
        """Drop the answers of every call started so far (the caller read anew itself)."""
        self._generation += 1

    def _deliver(self, generation: int) -> None:
        self._running.discard(generation)
        result, error = self._answers.pop(generation, (None, None))
        if generation != self._generation or self._done is None:
            return
        if error is None:
            self._done(result)
        elif is_foreseen(error):
            show_error(self._parent, message_for(error))
        else:
            report_unexpected(error)
