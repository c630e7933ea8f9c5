"""Maps a document's text to framework indicators: features, training, evaluation, prediction."""
