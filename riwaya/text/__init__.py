"""Arabic language tools with no event knowledge: the one normaliser (``normalize``), the one
clitic table (``clitics``), the phrase matcher over normalised tokens (``matcher``) and the
sentence splitter (``segment``)."""
