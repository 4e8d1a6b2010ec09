"""circlekeeper's core: templates, the session engine, storage, privacy guard, QR and export.

Nothing in this package imports Textual or rich, so every piece can be used and tested
without a terminal interface.
"""
