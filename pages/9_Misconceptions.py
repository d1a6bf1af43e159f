"""Misconceptions: six claims about transposed convolution that real threads keep repeating, each a
prediction checked against a counter-example convt computes on the learner's numbers.
The traps live in lab.traps; the body in ui.traps_page."""

from lab.traps import TrapsState
from ui import traps_page
from ui.binder import read_widgets, write_link
from ui.page_header import page_header

page_header(traps_page.PAGE, TrapsState, "🪤 Misconceptions",
            "Six things people believe about transposed convolution, each from real questions. Predict first, "
            "then see the counter-example computed by convt on your numbers. The link holds every control.",
            tab="Misconceptions")
state = read_widgets(traps_page.PAGE, TrapsState)
write_link(traps_page.PAGE, state)
traps_page.show(state)
