"""The installation: one object that owns the store, the identity, the event log and the managers.

Like Anki's collection, every domain manager hangs off it (``inst.learners``, ``inst.packs`` ...),
built lazily so that a CLI command only pays for what it touches.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from hubdesk.core import domains
from hubdesk.core.centre import Centre
from hubdesk.core.centre_packs import CentrePacks
from hubdesk.core.events import EventLog
from hubdesk.core.groups import Authority, GroupNotes, GroupQuestions, Groups
from hubdesk.core.identity import Identity
from hubdesk.core.learner_settings import LearnerSettings
from hubdesk.core.learners import Learners
from hubdesk.core.notes import Notes
from hubdesk.core.packs import Packs
from hubdesk.core.paths import DataDir, resolve_data_dir
from hubdesk.core.progress import Progress
from hubdesk.core.store import Store

if TYPE_CHECKING:
    from hubdesk.core.contributions import CommunityPacks, Contributions
    from hubdesk.core.events import Event
    from hubdesk.core.reports import Reports
    from hubdesk.core.search import Search


_DECISIONS = frozenset(("contribution.approved", "contribution.declined", "contribution.withdrawn"))


def _open_store(dirs: DataDir) -> Store:
    """The folder's own SQLite file, or the PostgreSQL database the folder names (a hub's)."""
    from hubdesk.core import pg_store

    url = pg_store.database_url(dirs.root)
    return pg_store.PgStore(url) if url else Store(dirs.database)


class Installation:
    def __init__(self, data_dir: Path | str | None = None) -> None:
        domains.load()
        self.dirs = DataDir(resolve_data_dir(data_dir)).ensure()
        self.store = _open_store(self.dirs)
        self.identity = Identity.load_or_create(self.store)
        self.log = EventLog(self.store, self.identity)
        self.log.subscribe(self._decisions_arrived)

    @property
    def device_id(self) -> str:
        return self.identity.device_id

    @cached_property
    def centre(self) -> Centre:
        return Centre(self.log)

    @cached_property
    def learners(self) -> Learners:
        return Learners(self.log, centres=self.centre.all)

    @cached_property
    def packs(self) -> Packs:
        packs = Packs(self.store, self.dirs)
        self.centre_packs.watch(packs)  # every change of the library also becomes an event (for the hub)
        return packs

    @cached_property
    def centre_packs(self) -> CentrePacks:
        return CentrePacks(self.log)

    @cached_property
    def progress(self) -> Progress:
        return Progress(self.log)

    @cached_property
    def learner_settings(self) -> LearnerSettings:
        return LearnerSettings(self.log)

    @cached_property
    def notes(self) -> Notes:
        return Notes(self.log, shares_notes=self.learner_settings.shares_notes)

    @cached_property
    def search(self) -> Search:
        from hubdesk.core.search import Search  # the stemmers load only for commands that search

        return Search(self.dirs.search_index, self.packs, self.notes)

    @cached_property
    def groups(self) -> Groups:
        return Groups(self.log, self.group_authorities)

    def group_authorities(self) -> list[Authority]:
        """Who new study groups name as their authority: the centre, so the creator may re-key or
        remove from any PC of it. A PC not in a named centre speaks with its device key (kept too,
        for the groups started before it joined or made its centre)."""
        if not self.centre.is_named:
            return []
        return [Authority(self.centre.public_key_b64, self.centre.sign)]

    @cached_property
    def group_notes(self) -> GroupNotes:
        return GroupNotes(self.log, self.groups)

    @cached_property
    def group_questions(self) -> GroupQuestions:
        return GroupQuestions(self.groups)

    @cached_property
    def reports(self) -> Reports:
        from hubdesk.core.reports import Reports

        return Reports(self.store, self.learners, self.packs, self.progress, self.groups)

    @cached_property
    def contributions(self) -> Contributions:
        from hubdesk.core.contributions import Contributions

        contributions = Contributions(self.log, self.learners)
        contributions.on_decision(lambda: self.community.refresh_quietly())
        return contributions

    @cached_property
    def community(self) -> CommunityPacks:
        from hubdesk.core.contributions import CommunityPacks
        from hubdesk.core.reports._reports import centre_label

        return CommunityPacks(
            self.contributions,
            self.packs,
            self.dirs.root / "community",
            self.centre_id,
            lambda: centre_label(self),
            self.pack_signer,
        )

    @cached_property
    def shared(self) -> CommunityPacks:
        """What the hub shared from other centres, built into packs here."""
        from hubdesk.core.contributions import SharedPacks
        from hubdesk.core.reports._reports import centre_label

        return SharedPacks(
            self.contributions,
            self.packs,
            self.dirs.root / "community" / "shared",
            self.centre_id,
            lambda: centre_label(self),
            self.pack_signer,
        )

    def pack_signer(self) -> tuple[str, Callable[[bytes], bytes]]:
        """The key the community packs are signed with: the centre's own, shared by its PCs."""
        return self.centre.public_key_b64, self.centre.sign

    def centre_id(self) -> str:
        """This PC's centre (a PC with no named centre is its own centre: its device id)."""
        return self.centre.id

    def _decisions_arrived(self, events: list[Event]) -> None:
        """A decision made on another PC of the centre (by sync): rebuild the community pack here too."""
        if self.store.meta_get("installation.role") == "hub":
            return  # a hub holds every centre's contributions and builds no pack of its own
        if any(ev.kind in _DECISIONS and ev.device_id != self.device_id for ev in events):
            self.community.refresh_quietly()
        if any(ev.kind == "contribution.promoted" for ev in events):
            self.shared.refresh_quietly()

    def close(self) -> None:
        if "search" in self.__dict__:  # only if it was opened: closing must not load the search code
            self.search.close()
        self.store.close()

    def __enter__(self) -> Installation:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
