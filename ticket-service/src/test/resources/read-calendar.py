"""Reads an iCalendar document on stdin with Python's `icalendar` (an independent RFC 5545 parser)
and prints its events as JSON, so a Java test can compare them with what it expects."""
import json
import sys

from icalendar import Calendar

calendar = Calendar.from_ical(sys.stdin.buffer.read())
events = []
for event in calendar.walk("VEVENT"):
    events.append({
        "uid": str(event.get("UID")),
        "summary": str(event.get("SUMMARY")),
        "description": str(event.get("DESCRIPTION")),
        "status": str(event.get("STATUS")),
        "sequence": int(event.get("SEQUENCE")),
        "dtstart": event.decoded("DTSTART").isoformat(),
        "dtend": event.decoded("DTEND").isoformat(),
        "dtstamp": event.decoded("DTSTAMP").isoformat(),
    })
print(json.dumps({"version": str(calendar.get("VERSION")), "prodid": str(calendar.get("PRODID")),
                  "events": events}))
