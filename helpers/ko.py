"""The Korean catalog: each English template that helpers pass to ``t()`` → its Korean translation.

Keep every ``{field}`` of the English template. Write plain Korean sentences and keep the course's
technical terms in English inside them, as the lecture does ("learning rate", "cost", "gradient").
"""

KOREAN: dict[str, str] = {}
