"""How often a pass's Prefect events client confirms the events it has sent.

Prefect's events client keeps every event it sends over its websocket until it next
checkpoints with the server (a ping the server answers), so that it can send them again after
a reconnection; by default it checkpoints every 700 events or 30 s. A pass emits a few events a
second (each task run's states, with the related resources Prefect attaches), so a pass longer
than 30 s holds about a megabyte of them at the top of each cycle, and the pass process's heap
settles there; a pass shorter than 30 s never gets that far. Confirming every second or every
ten events keeps the buffer to a few events for any length of pass, for one websocket ping per
checkpoint (``benchmarks/README.md``, (c) in the tenth session).

Only for a Prefect server reached through ``PREFECT_API_URL`` (``iswatch serve``, a deployment,
a server of one's own): Prefect Cloud and the ephemeral API of a one-off ``iswatch run`` keep
Prefect's own client setup.
"""

from __future__ import annotations

CHECKPOINT_EVERY_EVENTS = 10
CHECKPOINT_INTERVAL_SECONDS = 1.0


def confirm_events_often() -> bool:
    """Have this process's Prefect events client checkpoint every ``CHECKPOINT_EVERY_EVENTS``
    events or ``CHECKPOINT_INTERVAL_SECONDS``; return whether it applies (a self-hosted Prefect
    server in ``PREFECT_API_URL``).

    Events emitted before the call went through the client chosen then; later ones go
    through a worker with this client. Where it does not apply, a setting made earlier by this
    function is undone, and anyone else's left as it is.
    """
    from prefect.events.clients import PrefectEventsClient
    from prefect.events.worker import (
        EventsWorker,
        emit_events_to_cloud,
        should_emit_events_to_running_server,
    )

    ours = (PrefectEventsClient, (("checkpoint_every", CHECKPOINT_EVERY_EVENTS),
                                  ("checkpoint_interval", CHECKPOINT_INTERVAL_SECONDS)))
    if should_emit_events_to_running_server() and not emit_events_to_cloud():
        EventsWorker.set_client_override(ours[0], **dict(ours[1]))
        return True
    if EventsWorker._client_override == ours:
        EventsWorker.set_client_override(None)
    return False
