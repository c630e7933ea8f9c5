"""The feature pipeline: TF-IDF on the title page (words and character n-grams) and on the body.

Character n-grams on the head make the model robust to OCR noise ("BUPATITANJUNGJABUNG", "1nformasi")
seen in scanned evidence; word bigrams on the body carry topic phrases ("arsitektur spbe").
"""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from classifier.text import body_field, cue_field, head_field, path_field
from classifier.vocabulary import INDONESIAN_STOPWORDS

TRANSFORMER_WEIGHTS = {"head_words": 1.2, "head_chars": 0.8, "body_words": 1.0, "path_words": 0.5, "cues": 1.0}


def build_features() -> FeatureUnion:
    return FeatureUnion(
        [
            (
                "head_words",
                TfidfVectorizer(
                    preprocessor=head_field,
                    ngram_range=(1, 2),
                    min_df=2,
                    max_features=8000,
                    sublinear_tf=True,
                    stop_words=sorted(INDONESIAN_STOPWORDS),
                    token_pattern=r"(?u)\b[a-z][a-z]+\b",
                    dtype=np.float32,
                ),
            ),
            (
                "head_chars",
                TfidfVectorizer(
                    preprocessor=head_field,
                    analyzer="char_wb",
                    ngram_range=(3, 5),
                    min_df=3,
                    max_features=8000,
                    sublinear_tf=True,
                    dtype=np.float32,
                ),
            ),
            (
                "body_words",
                TfidfVectorizer(
                    preprocessor=body_field,
                    ngram_range=(1, 2),
                    min_df=2,
                    max_df=0.9,
                    max_features=10000,
                    sublinear_tf=True,
                    stop_words=sorted(INDONESIAN_STOPWORDS),
                    token_pattern=r"(?u)\b[a-z][a-z]+\b",
                    dtype=np.float32,
                ),
            ),
            (
                "path_words",
                TfidfVectorizer(
                    preprocessor=path_field,
                    min_df=2,
                    max_features=2000,
                    token_pattern=r"(?u)\b[a-z][a-z]+\b",
                    dtype=np.float32,
                ),
            ),
            (
                "cues",
                TfidfVectorizer(
                    preprocessor=cue_field,
                    token_pattern=r"\S+",
                    lowercase=False,
                    min_df=2,
                    sublinear_tf=True,
                    dtype=np.float32,
                ),
            ),
        ],
        transformer_weights=TRANSFORMER_WEIGHTS,
    )
