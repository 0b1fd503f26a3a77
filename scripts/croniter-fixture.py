#!/usr/bin/env python3
"""Writes the fixture Cairn's schedule tests compare against: croniter's next fire times for
hundreds of random five-field cron expressions, in UTC and in America/New_York (daylight saving),
from instants spread over 2026-2027 and just before each of New York's clock changes.

    pip install croniter==7.0.0
    python3 scripts/croniter-fixture.py > Tests/JourneyModelTests/Schedule/croniter.jsonl

Deterministic: the same seed gives the same file. Expressions that can never fire (30 feb) are
not generated; Cairn refuses them when parsed.
"""
import json
import random
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from croniter import croniter

SEED = 2026
EXPRESSIONS = 400
FIRES = 8
ZONES = ["UTC", "America/New_York"]
# Instants just before New York's clock changes (spring forward, fall back), plus spread ones.
DST_STARTS = ["2026-03-08T05:30:00Z", "2026-10-31T20:00:00Z", "2026-11-01T04:40:00Z", "2027-03-14T06:10:00Z", "2027-11-07T05:20:00Z"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]


def field(rng, low, high, names=None):
    """One cron field: *, a value, a range, a list, or a step over * or a range."""
    def value(v):
        if names and rng.random() < 0.4:
            return names[v - low] if low == 1 else names[v % 7]
        return str(v)

    kind = rng.choice(["star", "star", "value", "range", "list", "step", "rangestep"])
    if kind == "star":
        return "*"
    if kind == "value":
        return value(rng.randint(low, high))
    if kind == "range":
        a = rng.randint(low, high - 1)
        b = rng.randint(a + 1, high)
        return f"{value(a)}-{value(b)}"
    if kind == "list":
        picks = sorted(rng.sample(range(low, high + 1), rng.randint(2, 4)))
        return ",".join(str(p) for p in picks)
    if kind == "step":
        return f"*/{rng.randint(2, max(2, (high - low) // 2))}"
    a = rng.randint(low, high - 2)
    b = rng.randint(a + 2, high)
    return f"{a}-{b}/{rng.randint(2, max(2, (b - a) // 2 + 1))}"


def expression(rng):
    minute = field(rng, 0, 59)
    hour = field(rng, 0, 23)
    month = field(rng, 1, 12, MONTHS)
    # Days of month up to 28 whenever months are restricted, so every expression can fire.
    day = field(rng, 1, 31 if month == "*" else 28)
    weekday = field(rng, 0, 6, DAYS)
    if rng.random() < 0.05:
        weekday = "7"
    return f"{minute} {hour} {day} {month} {weekday}"


def starts(rng):
    spread = [
        datetime(2026, 1, 1, tzinfo=timezone.utc).timestamp() + rng.randint(0, 2 * 365 * 86400)
        for _ in range(2)
    ]
    dst = [datetime.fromisoformat(rng.choice(DST_STARTS).replace("Z", "+00:00")).timestamp()]
    return [int(s) for s in spread + dst]


def main():
    rng = random.Random(SEED)
    for _ in range(EXPRESSIONS):
        expr = expression(rng)
        for zone in ZONES:
            tz = ZoneInfo(zone)
            for start in starts(rng):
                it = croniter(expr, datetime.fromtimestamp(start, tz))
                fires = [int(it.get_next(datetime).timestamp()) for _ in range(FIRES)]
                print(json.dumps({"expr": expr, "zone": zone, "from": start, "fires": fires}))


if __name__ == "__main__":
    sys.exit(main())
