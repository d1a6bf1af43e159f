"""The one exception convt raises for every inconsistent shape or argument."""


class ShapeError(ValueError):
    """A call TensorFlow or PyTorch would refuse.

    ``str(err)`` starts with the framework's own text, then explains it in plain words.
    ``framework_message`` is the framework's text alone; ``explanation`` the plain words.
    """

    def __init__(self, framework_message: str, explanation: str = ""):
        self.framework_message = framework_message
        self.explanation = explanation
        super().__init__(f"{framework_message}\n\n{explanation}" if explanation else framework_message)


def refusal(message: str, explanation) -> ShapeError:
    """A ShapeError from a framework's text and its ``(plain words, fixes)``, the fixes appended."""
    text, fixes = explanation
    if fixes:
        text = f"{text} Fix: {'; '.join(fixes)}."
    return ShapeError(message, text)
