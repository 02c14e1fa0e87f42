"""What the hub knows about learning across its centres: active learners, cohort retention, funnels.

Read by the dashboard, its JSON API and ``hubdesk hub report``; every figure comes from the event
log the centres sent (see :mod:`hubdesk.hub.reports._activity`).
"""

from __future__ import annotations

from hubdesk.hub.reports._activity import refresh, this_week, version, week_of_stamp, week_of_time, week_start
from hubdesk.hub.reports._cohorts import Cohort, GroupRetention, WeekCount, active_by_week, as_json, retention
from hubdesk.hub.reports._funnel import Funnel, FunnelStep, courses, funnel

__all__ = [
    "Cohort",
    "Funnel",
    "FunnelStep",
    "GroupRetention",
    "WeekCount",
    "active_by_week",
    "as_json",
    "courses",
    "funnel",
    "refresh",
    "retention",
    "this_week",
    "version",
    "week_of_stamp",
    "week_of_time",
    "week_start",
]
