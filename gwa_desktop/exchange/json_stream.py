"""A JSON array read a window at a time: how a package's largest member is parsed.

`limits.parse_json` holds a member's whole text and every object made from it: the
activities of a big village, 30 MB of text, become 150 MB of dicts. `ArrayStream` is
fed the member's bytes as they are unpacked (1 MiB at a time), decodes them
incrementally and hands its consumer the array's elements in batches, so it holds the
undecided text (one window, or one element larger than that) and one batch.

It refuses exactly what parse_json (and a consumer refusing anything but a list)
refuses, with the same message when several things are wrong, in parse_json's order:
invalid UTF-8 anywhere, too many entries (counted on the whole text, as parse_json
counts them), broken JSON or nesting too deep, a lone surrogate, and last what the
consumer refused (its ValueError). So after a fault the rest is still read: a
refused batch or a lone surrogate leaves the rest of the text to parse_json's own
check (held whole, as parse_json holds it), a JSON error leaves only the decoding and
the counting to do. A member that is not an array goes to parse_json's check whole.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from typing import Any

from gwa_desktop.exchange import limits
from gwa_desktop.exchange.errors import damaged_package

#: Elements handed to the consumer at a time.
BATCH = 250
#: A JSON error this far before the end of the text cannot be cured by more text
#: (an escape or a literal cut off at the end is shorter); "Unterminated string" can.
_CURABLE = 16
#: What of a number may stand unparsed after its longest valid beginning: "." or "e+".
_NUMBER_TAIL = 2
_DECODER = json.JSONDecoder(parse_constant=limits.no_constant)
#: JSON's whitespace (the json module's).
_WHITESPACE = " \t\n\r"
# Where the text stands: before the array, after its "[", after a comma, after an
# element, after its "]".
_START, _FIRST, _AFTER_COMMA, _AFTER_ELEMENT, _END = range(5)
# What parse_json's check would see before the rest of the text, for each of them.
_PREFIX = {_START: "", _FIRST: "[", _AFTER_COMMA: "[0,", _AFTER_ELEMENT: "[0", _END: "[0]"}
# Faults, the one parse_json reports first lowest.
_UTF8, _ENTRIES, _SYNTAX, _SURROGATE, _REFUSED = range(5)


class ArrayStream:
    """`feed` the bytes of a JSON array, then `close`; `take` gets its elements, a batch at a time.

    `take` raises ValueError to refuse a batch; it then gets no further batches.
    `close` raises the fault parse_json would have reported first (a PackageError,
    or the consumer's ValueError), or returns when the array was whole and taken.
    """

    def __init__(self, member: str, name: str, take: Callable[[list[Any]], None]) -> None:
        self._member, self._name, self._take = member, name, take
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._containers = self._separators = 0
        self._text = ""  # not yet parsed, from the next token on
        self._waiting: list[str] = []  # decoded since, joined when there is enough
        self._waiting_size = 0
        self._enough = 0
        self._state = _START
        self._fault: tuple[int, Exception] | None = None
        #: After a refused batch: the rest of the text, for parse_json's check at the end.
        self._rest: list[str] | None = None
        self._prefix = ""

    def feed(self, chunk: bytes) -> None:
        self._add(chunk, final=False)

    def close(self) -> None:
        self._add(b"", final=True)
        if self._rest is not None and (self._fault is None or self._fault[0] > _SYNTAX):
            self._check_rest()
        elif self._fault is None and self._state != _END:
            self._fail(_SYNTAX, damaged_package(self._name))  # the array was cut off
        if self._fault is not None:
            raise self._fault[1]

    def _add(self, chunk: bytes, final: bool) -> None:
        if self._fault is not None and self._fault[0] == _UTF8:
            return
        try:
            text = self._decoder.decode(chunk, final)
        except UnicodeDecodeError as error:
            self._drop()
            self._fail(_UTF8, _caused(limits.not_utf8(self._member, self._name), error))
            return
        self._containers += text.count("{") + text.count("[")
        self._separators += text.count(",")
        if (self._fault is None or self._fault[0] > _ENTRIES) and limits.too_many_entries(
            self._containers, self._separators
        ):
            self._drop()
            self._fail(_ENTRIES, limits.far_too_many(self._member, self._name))
        if self._fault is not None and self._fault[0] <= _SYNTAX:
            return  # only the decoding and the counting can still find a worse fault
        if self._rest is not None:
            self._rest.append(text)
            return
        self._waiting.append(text)
        self._waiting_size += len(text)
        if final or len(self._text) + self._waiting_size >= self._enough:
            pieces, self._waiting, self._waiting_size = [self._text, *self._waiting], [], 0
            self._text = "".join(pieces)
            del pieces
            self._parse(final)

    def _parse(self, final: bool) -> None:
        """Take every whole element of the text; keep what may go on in the next window."""
        text, state, size = self._text, self._state, len(self._text)
        position = start = 0
        batch: list[Any] = []
        while True:
            while position < size and text[position] in _WHITESPACE:
                position += 1
            if position == size:
                break
            char = text[position]
            if state == _START:
                if char != "[":
                    self._refuse_rest(state, text[position:], ValueError("not a JSON array"))
                    return
                state, position = _FIRST, position + 1
            elif state == _AFTER_ELEMENT and char in ",]":
                state, position = (_AFTER_COMMA if char == "," else _END), position + 1
            elif state == _FIRST and char == "]":
                state, position = _END, position + 1
            elif state in (_AFTER_ELEMENT, _END):
                self._broken(damaged_package(self._name))  # no comma, or more after the "]"
                return
            else:
                try:
                    element, end = _DECODER.raw_decode(text, position)
                except RecursionError as error:
                    self._broken(_caused(limits.nested_too_deeply(self._member, self._name), error))
                    return
                except json.JSONDecodeError as error:
                    if final or _incurable(error, size):
                        self._broken(_caused(damaged_package(self._name), error))
                        return
                    break  # cut off by the end of the window
                except ValueError as error:  # NaN, or an integer of thousands of digits
                    self._broken(_caused(damaged_package(self._name), error))
                    return
                if not final and type(element) in (int, float) and end + _NUMBER_TAIL >= size:
                    break  # a number may go on in the next window ("2" of "25", "2" of "2e+5")
                batch.append(element)
                state, position = _AFTER_ELEMENT, end
                if len(batch) == BATCH:
                    if not self._hand(batch, text, start, position):
                        self._refuse_rest(state, text[position:])
                        return
                    batch, start = [], position
        if batch and not self._hand(batch, text, start, position):
            self._refuse_rest(state, text[position:])
            return
        self._text, self._state = text[position:], state
        # An element longer than the window is tried again when the text has doubled,
        # so a string of 100 MB costs a few attempts, not one per window.
        self._enough = 2 * len(self._text)

    def _hand(self, batch: list[Any], text: str, start: int, end: int) -> bool:
        """Give `batch` to the consumer unless it holds a lone surrogate or is refused."""
        if limits.may_hold_surrogates(text, start, end) and limits.has_lone_surrogate(batch):
            self._fail(_SURROGATE, limits.lone_surrogate(self._member, self._name))
            return False
        try:
            self._take(batch)
        except ValueError as error:
            self._fail(_REFUSED, error)
            return False
        return True

    def _refuse_rest(self, state: int, rest: str, fault: Exception | None = None) -> None:
        """Keep the rest of the text for parse_json's check (a JSON error there comes first)."""
        if fault is not None:
            self._fail(_REFUSED, fault)
        self._prefix, self._rest = _PREFIX[state], [rest, *self._waiting]
        self._text, self._waiting = "", []

    def _check_rest(self) -> None:
        """parse_json's check of the rest: after the JSON errors, the lone surrogates."""
        assert self._rest is not None
        text = self._prefix + "".join(self._rest)
        self._rest = None
        try:
            value = json.loads(text, parse_constant=limits.no_constant)
        except RecursionError as error:
            self._fail(_SYNTAX, _caused(limits.nested_too_deeply(self._member, self._name), error))
            return
        except ValueError as error:
            self._fail(_SYNTAX, _caused(damaged_package(self._name), error))
            return
        if limits.may_hold_surrogates(text) and limits.has_lone_surrogate(value):
            self._fail(_SURROGATE, limits.lone_surrogate(self._member, self._name))

    def _broken(self, fault: Exception) -> None:
        self._drop()
        self._fail(_SYNTAX, fault)

    def _drop(self) -> None:
        self._text, self._waiting, self._rest = "", [], None

    def _fail(self, rank: int, fault: Exception) -> None:
        if self._fault is None or rank < self._fault[0]:
            self._fault = (rank, fault)


def _incurable(error: json.JSONDecodeError, size: int) -> bool:
    return not error.msg.startswith("Unterminated string") and error.pos + _CURABLE < size


def _caused(fault: Exception, cause: BaseException) -> Exception:
    fault.__cause__ = cause
    return fault
