"""Error decoder: the page body is ui.decoder_page (compiled once per process)."""
from ui.decoder_page import main

main()
