"""The NARR Standard 3.0 as data: models, the loader and affiliate overlays."""
