"""How many nodes the explorer page shows and holds: here, apart from `kg.export.html`,
so that `kg html --help` says them without loading the exporter."""

DEFAULT_MAX_NODES = 2000
# The most nodes the page `kg build` writes holds: a bigger graph's page keeps its
# best-connected nodes and says how many it left out (the bundled corpus has
# ~320 nodes, 100 times it ~32,000: their pages hold everything; 1000 times it,
# ~320,000 nodes, would make a page of ~0.8 GB that no browser opens).
PAGE_NODES = 50_000
