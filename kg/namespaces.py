"""The namespaces of the graph as plain strings, for code that must not load rdflib
(`kg query --store` starts in a tenth of a second); `kg.vocab` makes its rdflib
namespaces from these."""

GOV = "https://w3id.org/govkg/ontology#"
ID = "https://w3id.org/govkg/id/"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

# the prefixes every query may use without declaring them
PREFIXES = {"gov": GOV, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS,
            "prov": PROV, "xsd": XSD, "org": ORG, "schema": SCHEMA, "geo": GEO}


class Terms:
    """A namespace whose terms are plain strings, each made once: `Terms(GOV).evidence`
    is "https://w3id.org/govkg/ontology#evidence". For hot loops over `kg.graph.Graph`,
    whose lookups take strings as they are (rdflib's namespaces make a new URIRef, with
    its checks, on every attribute read)."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        value = self._base + name
        setattr(self, name, value)          # the next read is a plain attribute
        return value

    def __getitem__(self, name: str) -> str:
        """`GOV["about"]`, as rdflib's namespaces are read too."""
        return self._base + name

    def __str__(self) -> str:
        return self._base
