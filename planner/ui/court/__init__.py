"""The Court tab: every judge's verdict and the figures behind it."""
