"""Labels of stored choice values, for the models' get_FOO_display() overrides."""


def choice_label(choices, value):
    """What Django's get_FOO_display() returns (the label, or the value itself if it is not a choice).

    Django's version builds a dict of every choice on each call, hashing each translated label: ~60 µs
    for an action's category, two per action card (bench/). The enum finds the one label directly.
    """
    try:
        return str(choices(value).label)
    except ValueError:
        return value
