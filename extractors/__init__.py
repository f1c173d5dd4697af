"""Pipeline stages that turn feeds and pages into facts: plain Python, no Prefect."""
