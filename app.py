"""convt, the transposed-convolution lab. Home: the guided walkthrough of the seed's five points
(the page body is ui.home_page, compiled once per process)."""
from ui.home_page import main

main()
