"""The drop-box: anonymous cards that participants send from their phones."""
