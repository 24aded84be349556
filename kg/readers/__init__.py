"""Readers of the formats users hold besides plain text: PDF, saved web pages, Word.

Each reader takes a file's bytes and fills a `SourceText`: the text in reading
order (one printed line, paragraph or heading a line), the offsets where pages
start, the lines the file marks as headings and what the file says of itself
(`DocumentInfo`: a web page's headline, date, site and address), or the one-line
reason it could not be read. `kg.read.decode_bytes` picks the reader.
"""
