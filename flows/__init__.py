"""Prefect flows, settings and the ``iswatch`` command line."""
