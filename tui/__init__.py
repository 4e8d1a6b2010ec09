"""circlekeeper's presentation: the Textual app, its screens and widgets, and the CLI."""
