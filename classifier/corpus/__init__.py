"""Training corpus for the indicator classifier: generated documents plus the bundled real ones.

``generate_corpus`` writes Indonesian government documents (regulations, decrees, minutes, budget
forms, news, application pages) labelled with the indicators they support; topic vocabulary lives in
``topics/<catalog id>.yaml`` so that a new framework needs new data, not new code.
"""

from classifier.corpus.generator import generate_corpus
from classifier.corpus.types import DOC_TYPES, LabelledText

__all__ = ["DOC_TYPES", "LabelledText", "generate_corpus"]
