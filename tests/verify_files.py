"""Event files written for the verify tests, field by field from the published column lists."""

from __future__ import annotations

from pathlib import Path

GDELT2_COLUMNS = (
    (Path(__file__).parent.parent / "graphkit" / "data" / "gdelt2_event_columns.txt").read_text().split()
)


def gdelt2_row(event_id, day, actor1, actor2, code, quad, goldstein, sources, url):
    """One GDELT 2.0 export row (61 tab-separated fields, no header)."""
    values = dict.fromkeys(GDELT2_COLUMNS, "")
    values.update(
        GLOBALEVENTID=str(event_id),
        SQLDATE=day.replace("-", ""),
        MonthYear=day.replace("-", "")[:6],
        Year=day[:4],
        Actor1Code=actor1,
        Actor1CountryCode=actor1[:3],
        Actor2Code=actor2,
        Actor2CountryCode=actor2[:3],
        IsRootEvent="1",
        EventCode=code,
        EventBaseCode=code[:3],
        EventRootCode=code[:2],
        QuadClass=str(quad),
        GoldsteinScale=str(goldstein),
        NumMentions=str(sources),
        NumSources=str(sources),
        NumArticles=str(sources),
        AvgTone="-1.5",
        DATEADDED=day.replace("-", "") + "120000",
        SOURCEURL=url,
    )
    return "\t".join(values[c] for c in GDELT2_COLUMNS)


# ICEWS's published columns (Harvard Dataverse, doi:10.7910/DVN/28075), in file order.
ICEWS_HEADER = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
]  # fmt: skip


def icews_row(event_id, day, source, target, code, intensity, story, publisher="Reuters"):
    values = {
        "Event ID": str(event_id), "Event Date": day, "Source Name": source, "Source Sectors": "Government",
        "Source Country": source, "Event Text": "Criticize or denounce", "CAMEO Code": code,
        "Intensity": str(intensity), "Target Name": target, "Target Sectors": "Government",
        "Target Country": target, "Story ID": str(story), "Sentence Number": "1", "Publisher": publisher,
        "City": "", "District": "", "Province": "", "Country": source, "Latitude": "", "Longitude": "",
    }  # fmt: skip
    return "\t".join(values[c] for c in ICEWS_HEADER)


# POLECAT's columns as its weekly Dataverse files name them (doi:10.7910/DVN/AJGVIT), those
# graphkit reads and the others around them.
POLECAT_HEADER = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Placename", "City", "State", "Country", "Latitude", "Longitude", "Source",
    "Publication Date", "Story ID", "Language", "Version",
]  # fmt: skip


def polecat_row(event_id, day, kind, actor, recipient, intensity, story):
    values = dict.fromkeys(POLECAT_HEADER, "")
    values.update(
        {
            "Event ID": str(event_id), "Event Date": day, "Event Type": kind, "Event Intensity": str(intensity),
            "Actor Name": actor, "Actor Country": actor, "Recipient Name": recipient,
            "Recipient Country": recipient, "Story ID": str(story), "Source": "AFP", "Publication Date": day,
        }
    )  # fmt: skip
    return "\t".join(values[c] for c in POLECAT_HEADER)
