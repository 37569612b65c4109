"""The activities member parsed a window at a time refuses and accepts exactly what the whole parse did."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gwa_desktop.exchange import json_stream, limits
from gwa_desktop.exchange.errors import PackageError
from gwa_desktop.exchange.json_stream import ArrayStream

RECORD = {
    "occurred_on": "2025-03-04",
    "title": "Sprachcafé – ☕ مقهى",
    "count": 12345,
    "hours": 1.25,
}
VALID = [
    b"[]",
    b" [ ] \n",
    b"[1,-2.5e3,true,false,null]",
    json.dumps([RECORD] * 700, ensure_ascii=False).encode(),
    json.dumps([RECORD] * 300, indent=2).encode(),  # whitespace everywhere, \u escapes
    b'[{"a": 1, "a": 2}]',  # a repeated key: the last one counts, as json.loads has it
    b'["\\ud83d\\ude00", "\\"\\\\\\/\\b\\f\\n\\r\\t"]',
    b"[" + b"1234567890" * 3 + b"]",
]
BROKEN = [
    b"",
    b"   ",
    b"[",
    b"[1",
    b"[1,",
    b"[1,]",
    b"[,1]",
    b"[1 2]",
    b"[1]]",
    b"[1] x",
    b"[1]\n[2]",
    b'[{"a": 1}',
    b'[{"a": 1,}]',
    b'["abc',
    b'["\\x"]',
    b'["\\u12"]',
    b'["a\nb"]',  # a control character inside a text
    b"[NaN]",
    b"[1, Infinity]",
    b"[-Infinity]",
    b"[" + b"9" * 5000 + b"]",  # more digits than Python converts
    b"[01]",
    b"\xef\xbb\xbf[1]",  # a byte order mark
    b"[" * 200_000 + b"]" * 200_000,
    b"[1, " + b"[" * 5000 + b"]" * 5000 + b"]",
    b'[1, "\\ud800"]',
    b'["Caf\xe9"]',
    b'["\xed\xa0\x80"]',
    b'["\xe2\x82"]',  # cut in the middle of a character
    b"[" + b"{}," * 2_100_000 + b"{}]",
    b"[" + b"0," * 26_000_000 + b"0]",
]
#: Not an array: the consumer of a whole parse refuses those (as the record checks do).
NOT_ARRAYS = [b"{}", b'"text"', b"12", b"null", b'{"a": [1, 2]}', b'"\\udc00"', b"{" * 5000]
#: Several faults in one member: the one the whole parse reports first wins.
MIXED = [
    b"[{}, 1, " + b'"\xe9"]',  # a refused element, invalid UTF-8 later
    b'[{}, 1, "\\udc00"]',  # a refused element, a lone surrogate later
    b"[{}, 1, NaN]",  # a refused element, broken JSON later
    b'["\\udc00", 1] x',  # a lone surrogate, broken JSON later
    b'["\\udc00", "\xe9"]',  # a lone surrogate, invalid UTF-8 later
    b"[1, 2, " + b"[" * 3000 + b"1" + b"]" * 3000 + b"]",  # refused, then too deep
    b"[{}] " + b"{}," * 2_100_000,  # trailing garbage that is also far too many entries
]


def refusing(batch: list[Any]) -> None:
    """A consumer like the record checks: only objects."""
    if not all(type(element) is dict for element in batch):
        raise ValueError("records expected")


def whole(content: bytes) -> tuple[str, Any]:
    """What parse_json and a consumer of the whole value make of `content`."""
    try:
        value = limits.parse_json(content, "data/activities.json", "p.zip")
        if type(value) is not list:
            raise ValueError("not a JSON array")
        for start in range(0, len(value), json_stream.BATCH):
            refusing(value[start : start + json_stream.BATCH])
    except PackageError as error:
        return "refused", str(error)
    except ValueError:
        return "refused by the consumer", None
    return "parsed", value


def streamed(content: bytes, window: int, consumer=refusing) -> tuple[str, Any]:
    taken: list[Any] = []

    def take(batch: list[Any]) -> None:
        consumer(batch)
        taken.extend(batch)

    stream = ArrayStream("data/activities.json", "p.zip", take)
    try:
        for start in range(0, len(content), window):
            stream.feed(content[start : start + window])
        stream.close()
    except PackageError as error:
        return "refused", str(error)
    except ValueError:
        return "refused by the consumer", None
    return "parsed", taken


def accepting(batch: list[Any]) -> None:
    """A consumer taking anything."""


@pytest.mark.parametrize("window", [1, 3, 64, 1 << 20])
@pytest.mark.parametrize("content", VALID, ids=range(len(VALID)))
def test_records_split_across_windows_are_parsed_as_a_whole(content, window):
    expected = json.loads(content)

    assert streamed(content, window, accepting) == ("parsed", expected)


HOSTILE = BROKEN + NOT_ARRAYS + MIXED
#: Every hostile text in every window, but a large member only in large windows: in
#: windows of a few bytes it would take minutes and test nothing the small ones do not.
HOSTILE_CASES = [
    pytest.param(content, window, id=f"{number}-{window}")
    for number, content in enumerate(HOSTILE)
    for window in (1, 5, 4096, 1 << 20)
    if window >= 4096 or len(content) <= 100_000
]


@pytest.mark.parametrize(("content", "window"), HOSTILE_CASES)
def test_hostile_text_is_refused_with_the_message_of_the_whole_parse(content, window):
    expected = whole(content)

    assert expected[0] != "parsed"
    assert streamed(content, window) == expected


def test_the_consumer_gets_the_elements_in_order_in_batches():
    content = json.dumps([{"n": n} for n in range(1000)]).encode()
    batches: list[list[Any]] = []
    stream = ArrayStream("m", "p.zip", batches.append)
    stream.feed(content[:5000])  # a window ending inside an element
    stream.feed(content[5000:])
    stream.close()

    assert [e["n"] for batch in batches for e in batch] == list(range(1000))
    assert max(map(len, batches)) == json_stream.BATCH


def test_no_batch_follows_a_refused_one():
    batches: list[list[Any]] = []

    def take(batch: list[Any]) -> None:
        batches.append(batch)
        raise ValueError("no")

    stream = ArrayStream("m", "p.zip", take)
    stream.feed(json.dumps(list(range(3 * json_stream.BATCH))).encode())
    with pytest.raises(ValueError, match="no"):
        stream.close()
    assert len(batches) == 1


def test_a_huge_text_is_tried_a_few_times_not_once_per_window(monkeypatch):
    """A 4 MiB string fed in 16 KiB windows: the text is parsed again when it has doubled."""
    attempts = []
    decoder = json_stream._DECODER

    class Counting:
        def raw_decode(self, text: str, position: int) -> tuple[Any, int]:
            attempts.append(position)
            return decoder.raw_decode(text, position)

    monkeypatch.setattr(json_stream, "_DECODER", Counting())
    huge = "ä" * (4 << 20)
    content = json.dumps([huge, 1], ensure_ascii=False).encode()

    assert streamed(content, 16 << 10, accepting) == ("parsed", [huge, 1])
    assert len(attempts) < 20  # 1,000 windows
