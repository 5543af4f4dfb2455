# Reports (authoring, rendering, publication) arrive with their own issues; see ../shared/ROADMAP.md.
