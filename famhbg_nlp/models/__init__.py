"""The trained default pipeline shipped with the package, in the spaCy model directory ``model/``.

Rebuild it (see ``bench/README.md``) with::

    famhbg train --config configs/cnn.cfg --output famhbg_nlp/models/model --gold corpus/ --synthetic 600 --seed 0 --extra ../shared/external/swedish-ner-corpus/train_corpus.txt

:func:`famhbg_nlp.load` uses it when present and falls back to the rule pipeline otherwise.
"""
