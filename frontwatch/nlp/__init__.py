"""Language processing: quote normalisation and the spaCy model, loaded once per process."""

from frontwatch.nlp.pipeline import analyse, analyse_many, load_nlp, normalise_quotes

__all__ = ["analyse", "analyse_many", "load_nlp", "normalise_quotes"]
