"""One "window" of the lost-update test: N read-modify-write increments through the services.

Run as `python -m tests.storage.lost_update_worker URL ACTIVITY_ID N MODE`; it prints
"ready", waits for a line on stdin (so both workers start together) and prints a JSON
summary. MODE "retry" re-reads and tries again after a conflict, as an officer does after
"Reload"; "once" gives the increment up and keeps the message.
"""

from __future__ import annotations

import json
import sys

from gwa_desktop.i18n import set_ui_language
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.errors import ConflictError
from gwa_desktop.storage.database import open_database
from gwa_desktop.storage.errors import DatabaseBusyError


def main(url: str, activity_id: int, increments: int, mode: str) -> dict:
    set_ui_language("de")
    database = open_database(url)
    activities = ActivityService(database)
    summary = {"saved": 0, "conflicts": 0, "busy": 0, "given_up": 0, "messages": []}
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        for _increment in range(increments):
            while True:
                data = activities.get(activity_id)
                data.participants_total += 1
                try:
                    activities.update(data)
                except (ConflictError, DatabaseBusyError) as error:
                    summary["conflicts" if isinstance(error, ConflictError) else "busy"] += 1
                    if str(error) not in summary["messages"]:
                        summary["messages"].append(str(error))
                    if mode == "retry":
                        continue
                    summary["given_up"] += 1
                    break
                summary["saved"] += 1
                break
    finally:
        database.close()
    return summary


if __name__ == "__main__":
    url, activity_id, increments, mode = sys.argv[1:]
    print(json.dumps(main(url, int(activity_id), int(increments), mode)), flush=True)
