"""The shape of every table of the catalog: key -> {language -> ``str.format`` template}."""

Messages = dict[str, dict[str, str]]
