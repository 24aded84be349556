"""Time each pipeline stage on the bundled and held-out corpora against raw jieba.cut (same run)."""
import time, collections
from pathlib import Path
from kg.read import read_source, source_files
from kg.split import split_articles
from kg.recognise import ArticleContext, resolve_overlaps, _cached, repeated_names, repeated_programmes
from kg.recognise.places import PlaceRecognizer
from kg.recognise.agencies import AgencyRecognizer
from kg.recognise.documents import DocumentRecognizer
from kg.recognise.programmes import ProgrammeRecognizer
from kg.recognise.people import PersonRecognizer
from kg.resolve import resolve_article
from kg.relate import relate_article
import jieba
paths, _ = source_files([Path('data/corpus'), Path('tests/heldout/corpus')])
list(jieba.cut("预热")); T=collections.Counter()
srcs=[read_source(p) for p in paths]
text="".join(s.text for s in srcs)
for rnd in range(3):
  for src in srcs:
    t=time.perf_counter(); arts,_=split_articles(src); T['split']+=time.perf_counter()-t
    for a in arts:
        ctx=ArticleContext(a)
        for cls in (PlaceRecognizer, AgencyRecognizer, DocumentRecognizer, ProgrammeRecognizer, PersonRecognizer):
            t=time.perf_counter(); ctx.mentions.extend(_cached(cls).recognise(a, ctx)); ctx.mentions=resolve_overlaps(ctx.mentions); T[cls.__name__]+=time.perf_counter()-t
        t=time.perf_counter(); ms=resolve_overlaps(ctx.mentions+repeated_names(a,ctx)+repeated_programmes(a,ctx)); T['repeat']+=time.perf_counter()-t
        t=time.perf_counter(); ex,res=resolve_article(a,ms); T['resolve']+=time.perf_counter()-t
        t=time.perf_counter(); relate_article(ex,res); T['relate']+=time.perf_counter()-t
t=time.perf_counter()
for rnd in range(3): list(jieba.cut(text))
j=time.perf_counter()-t
tot=sum(T.values())
for k,v in T.most_common(): print(f"{k:22} {v:.3f}  {v/j:.2f}x jieba")
print(f"total {tot:.3f} jieba {j:.3f} ratio {j/tot:.2f}")
