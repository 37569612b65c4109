"""The rules of duplicate detection as constants: what each match is worth, and from
which score a pair is listed (services.duplicates applies them).

A pair scores the sum of the weights of its matches, at most 100; the weights say how
much each match alone tells: an e-mail address is one person's, a phone number is
often a family's or an office's, an address a household's.
"""

from __future__ import annotations

CONTACTS, OFFERS = "contacts", "offers"

#: Points each rule adds to a pair's score; a pair scores at most 100.
NAME_WEIGHT = 80
EMAIL_WEIGHT = 70
PHONE_WEIGHT = 60
ADDRESS_WEIGHT = 20
#: The score from which a pair is listed (`gwa duplicates --threshold` changes it).
DEFAULT_THRESHOLD = 70
#: Names less similar than this (0-100) add nothing: "Anna Müller" and "Hanna Möller"
#: (87) are two people more often than one; "Ana Müller" (95) is a typo.
NAME_MIN_SIMILARITY = 90
#: How many letters of a name word open a block.
BLOCK_PREFIX = 3
#: A number, e-mail or address shared by more contacts than this opens no block.
MAX_SHARED = 20
#: Digits a number needs to count (shorter ones are extensions or typos).
MIN_PHONE_DIGITS = 6
