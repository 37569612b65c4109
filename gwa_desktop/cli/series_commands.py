"""`gwa series`: change the time, weekdays or place of a recurring offer for one date, from
one date on, or for all dates, as the offer form asks when such a field changes."""

from __future__ import annotations

import argparse
from dataclasses import replace

from gwa_desktop.cli.arguments import clock, iso_date
from gwa_desktop.i18n import _
from gwa_desktop.services.registry import Services
from gwa_desktop.services.series_edit import EditScope, SeriesEditService


def register(commands: argparse._SubParsersAction) -> None:
    series = commands.add_parser(
        "series", help=_("change time, weekdays or place of a recurring offer")
    )
    series.add_argument("offer_id", type=int)
    series.add_argument("day", type=iso_date, help=_("the date the change starts with"))
    series.add_argument(
        "--scope",
        choices=[scope.value for scope in EditScope],
        required=True,
        help=_("this: only this date; following: this and all following; all: every date"),
    )
    series.add_argument("--start", type=clock, default=None, help=_("new start time (HH:MM)"))
    series.add_argument("--end", type=clock, default=None, help=_("new end time (HH:MM)"))
    series.add_argument(
        "--weekdays", type=weekday_list, default=None, help=_("new weekdays, Monday=0, e.g. 0,3")
    )
    series.add_argument("--place", default=None, help=_("new place"))
    series.set_defaults(handler=run_series)


def weekday_list(text: str) -> list[int]:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or any(part not in "0123456" or len(part) != 1 for part in parts):
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a list of weekdays; write e.g. 0,3 for Monday and Thursday").format(
                text=text
            )
        )
    return sorted({int(part) for part in parts})


def run_series(arguments: argparse.Namespace, services: Services) -> int:
    stored = services.offers.get(arguments.offer_id)
    edited = replace(
        stored,
        start_time=arguments.start or stored.start_time,
        end_time=arguments.end or stored.end_time,
        weekdays=arguments.weekdays if arguments.weekdays is not None else stored.weekdays,
        place_name=arguments.place if arguments.place is not None else stored.place_name,
    )
    offer_id = SeriesEditService(services.offers).save(
        edited, arguments.day, EditScope(arguments.scope)
    )
    print(offer_id)
    return 0
