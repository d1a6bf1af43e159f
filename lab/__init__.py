"""lab: the app's models — what each page computes and draws, with no Streamlit in it.

Pages and ``ui/`` call into here; ``lab`` calls into the ``convt`` library. Everything is plain
Python, so every model is testable without a browser or a Streamlit session.
"""
