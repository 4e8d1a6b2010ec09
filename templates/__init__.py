"""The built-in agenda templates, shipped as package data beside this file."""
