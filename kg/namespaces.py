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
