"""Shape explorer: the page body is ui.explorer_page (compiled once per process)."""
from ui.explorer_page import main

main()
