"""HubDesk: an offline-first desktop learning hub for community centres."""

__version__ = "0.1.0"
