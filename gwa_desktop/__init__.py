"""GWA Desktop: contacts, offers and activities for integration and community work."""

__version__ = "0.1.0"
