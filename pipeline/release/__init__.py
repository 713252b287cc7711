"""The release: every figure a person reads, built once with disclosure control over all of it.

`build_release(con, min_cell)` runs at the end of `joballiance build` and writes
`published_cells` (docs/release.md); `pipeline.release.read` is how every output (reports,
terminal, CSV, workbook, dashboard) reads it.
"""

from pipeline.release.store import Release, ReleaseCheckFailed, build_release

__all__ = ["Release", "ReleaseCheckFailed", "build_release"]
