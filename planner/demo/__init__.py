"""The demo docket: realistic, invented, reproducible judges' dockets for newcomers and benchmarks."""
