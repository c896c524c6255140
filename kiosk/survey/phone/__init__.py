"""「スマホで回答」: the questionnaire on participants' own phones, over the venue's network."""
