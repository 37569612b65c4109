"""Several weekdays, cancelled and moved dates, and holiday pauses of a schedule."""

from __future__ import annotations

from datetime import date, time

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.public_holidays import public_holidays
from gwa_desktop.domain.schedule import DateChange, Pause, Schedule
from gwa_desktop.domain.schedule_text import describe_schedule


def test_two_weekdays_cross_the_month_end_in_order():
    # Starts on a Wednesday, runs on Mondays and Thursdays: the start date is no session.
    schedule = Schedule(Recurrence.WEEKLY, date(2026, 1, 28), weekdays=(3, 0))
    assert schedule.next_dates(date(2026, 1, 28), 4) == [
        date(2026, 1, 29),
        date(2026, 2, 2),
        date(2026, 2, 5),
        date(2026, 2, 9),
    ]
    assert schedule.days_of_week == (0, 3)
    assert describe_schedule(schedule, "de") == "jeden Montag und Donnerstag"


def test_every_other_week_keeps_both_days_in_the_same_week():
    schedule = Schedule(Recurrence.BIWEEKLY, date(2026, 3, 2), weekdays=(0, 3))
    assert schedule.next_dates(date(2026, 3, 1), 4) == [
        date(2026, 3, 2),
        date(2026, 3, 5),
        date(2026, 3, 16),
        date(2026, 3, 19),
    ]


def test_an_explicit_weekday_overrules_the_first_date():
    schedule = Schedule(Recurrence.WEEKLY, date(2026, 2, 1), weekdays=(1,))  # a Sunday
    assert schedule.next_dates(date(2026, 1, 1), 2) == [date(2026, 2, 3), date(2026, 2, 10)]
    assert not schedule.is_series_date(date(2026, 2, 1))


def test_monthly_on_the_last_weekday_over_a_leap_february():
    schedule = Schedule(Recurrence.MONTHLY, date(2028, 1, 31), weekdays=(0, 1))  # 5th week
    assert schedule.series_dates(date(2028, 2, 1), date(2028, 3, 31)) == [
        date(2028, 2, 28),
        date(2028, 2, 29),
        date(2028, 3, 27),
        date(2028, 3, 28),
    ]


def test_a_cancelled_date_stays_listed_with_its_reason_but_is_not_a_next_date():
    schedule = Schedule(
        Recurrence.WEEKLY,
        date(2026, 12, 1),
        start_time=time(15),
        changes=(DateChange(date(2026, 12, 8), "Krankheit"),),
    )
    sessions = schedule.sessions(date(2026, 12, 1), date(2026, 12, 15))
    assert [(s.day, s.cancelled, s.reason) for s in sessions] == [
        (date(2026, 12, 1), False, ""),
        (date(2026, 12, 8), True, "Krankheit"),
        (date(2026, 12, 15), False, ""),
    ]
    assert schedule.next_dates(date(2026, 12, 2), 2) == [date(2026, 12, 15), date(2026, 12, 22)]


def test_a_moved_date_shows_at_its_new_day_and_time_only():
    schedule = Schedule(
        Recurrence.WEEKLY,
        date(2026, 12, 1),
        start_time=time(15),
        end_time=time(17),
        changes=(DateChange(date(2026, 12, 8), "Saal belegt", date(2026, 12, 10), time(16)),),
    )
    sessions = schedule.sessions(date(2026, 12, 7), date(2026, 12, 11))
    assert len(sessions) == 1
    moved = sessions[0]
    assert (moved.day, moved.series_day, moved.start_time, moved.end_time, moved.moved) == (
        date(2026, 12, 10),
        date(2026, 12, 8),
        time(16),
        time(18),
        True,
    )
    assert schedule.next_dates(date(2026, 12, 2), 2) == [date(2026, 12, 10), date(2026, 12, 15)]
    # Shown in the range of its new day, even when its own day lies outside.
    assert [s.day for s in schedule.sessions(date(2026, 12, 9), date(2026, 12, 10))] == [
        date(2026, 12, 10)
    ]


def test_a_change_of_a_date_the_series_does_not_have_changes_nothing():
    schedule = Schedule(
        Recurrence.WEEKLY,
        date(2026, 12, 1),
        changes=(DateChange(date(2026, 12, 9), moved_to=date(2026, 12, 11)),),
    )
    assert schedule.next_dates(date(2026, 12, 1), 3) == [
        date(2026, 12, 1),
        date(2026, 12, 8),
        date(2026, 12, 15),
    ]


def test_public_holidays_of_the_state_pause_a_friday_series():
    pauses = public_holidays("BY", date(2026, 12, 1), date(2027, 1, 31))
    schedule = Schedule(Recurrence.WEEKLY, date(2026, 12, 4), pauses=pauses)  # Fridays
    cancelled = [
        (s.day, s.reason)
        for s in schedule.sessions(date(2026, 12, 1), date(2027, 1, 31))
        if s.cancelled
    ]
    assert cancelled == [
        (date(2026, 12, 25), "Erster Weihnachtstag"),
        (date(2027, 1, 1), "Neujahr"),
    ]
    assert date(2026, 12, 25) not in schedule.next_dates(date(2026, 12, 20), 3)


def test_holidays_differ_by_state_and_unknown_states_have_none():
    day = date(2026, 11, 1)  # Allerheiligen: Bavaria yes, Berlin no
    assert [p.first for p in public_holidays("BY", day, day)] == [day]
    assert public_holidays("BE", day, day) == ()
    assert public_holidays("XX", date(2026, 1, 1), date(2026, 12, 31)) == ()


def test_school_holidays_pause_every_date_they_cover():
    schedule = Schedule(
        Recurrence.WEEKLY,
        date(2026, 7, 6),
        weekdays=(0, 2),
        pauses=(Pause(date(2026, 8, 3), date(2026, 9, 14), "Sommerferien"),),
    )
    after_summer = schedule.next_dates(date(2026, 8, 1), 2)
    assert after_summer == [date(2026, 9, 16), date(2026, 9, 21)]


def test_a_date_moved_to_another_hour_keeps_its_length():
    schedule = Schedule(
        Recurrence.WEEKLY,
        date(2026, 12, 1),
        start_time=time(15),
        end_time=time(17, 30),
        changes=(DateChange(date(2026, 12, 8), moved_to=date(2026, 12, 9), start_time=time(18)),),
    )
    (moved,) = schedule.moved_sessions()
    assert (moved.start_time, moved.end_time) == (time(18), time(20, 30))


def test_the_first_change_of_a_date_counts_and_moved_dates_join_the_order():
    # Changes are looked up per date in a dict: with two for one date the first one
    # still counts, and a date moved between two others is sorted in between.
    schedule = Schedule(
        Recurrence.WEEKLY,
        date(2026, 3, 2),
        start_time=time(17),
        end_time=time(19),
        changes=(
            DateChange(date(2026, 3, 9), "Krankheit"),
            DateChange(date(2026, 3, 9), "Ferien"),
            DateChange(date(2026, 3, 16), moved_to=date(2026, 3, 11)),
        ),
    )
    sessions = schedule.sessions(date(2026, 3, 1), date(2026, 3, 31))
    assert [(s.day, s.series_day, s.cancelled, s.reason) for s in sessions] == [
        (date(2026, 3, 2), date(2026, 3, 2), False, ""),
        (date(2026, 3, 9), date(2026, 3, 9), True, "Krankheit"),
        (date(2026, 3, 11), date(2026, 3, 16), False, ""),
        (date(2026, 3, 23), date(2026, 3, 23), False, ""),
        (date(2026, 3, 30), date(2026, 3, 30), False, ""),
    ]
    # Without any change the series' own dates come out in order, unsorted.
    plain = Schedule(Recurrence.WEEKLY, date(2026, 3, 2), weekdays=(3, 0))
    days = [s.day for s in plain.sessions(date(2026, 3, 1), date(2026, 3, 15))]
    assert days == [date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 9), date(2026, 3, 12)]
