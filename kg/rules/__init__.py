"""Rules as data: per component, a YAML file of token patterns with examples beside them.

    kg/rules/lexicon.yaml    the lexicon classes patterns name with LEX (BODY_WORD, TITLE …)
    kg/rules/<component>.yaml  the component's rules: id, pattern, action, checks, examples
    engine.py                the matcher (spaCy's pattern format, see its docstring)
    ruleset.py               loading, checking and running a component's rules

A new phrasing is one entry in one file; `tests/test_rules.py` runs every entry's examples.
"""
