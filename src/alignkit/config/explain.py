"""`alignkit config`: the effective configuration, and where each value came from."""

from __future__ import annotations

from . import Config, LimitSettings, Settings


def _value(name: str, settings: Settings) -> str:
    value = getattr(settings, name)
    if name == "thresholds":
        if value is None:
            return "aligned 75, partial 40"
        return f"aligned {value.aligned}, partial {value.partial}"
    if name == "limits":
        limits = value or LimitSettings()
        return (
            f"{limits.file_size_mib} MiB per file, {limits.aliases} aliases, depth "
            f"{limits.depth}, {limits.files} files, {limits.items} items"
        )
    if name == "waivers":
        return f"{len(value)} waiver{'s' if len(value) != 1 else ''}"
    if name == "outputs":
        return ", ".join(f"{o.format} -> {o.path}" for o in value) or "(none)"
    if name == "severity":
        return ", ".join(f"{k} = {v}" for k, v in sorted(value.items())) or "(none)"
    if name == "as_of":
        return value.isoformat() if value else "(today)"
    if name == "fail_on":
        return value or "error"
    if isinstance(value, list):
        return ", ".join(value) or "(none)"
    return str(value) if value is not None else "(none: give it on the command line)"


def describe(config: Config) -> str:
    """One line per setting: name, value, and the file position or 'default'."""
    lines = [f"configuration file: {config.shown if config.path else '(none found)'}"]
    names = list(Settings.model_fields)
    width = max(len(n) for n in names)
    for name in names:
        source = config.where(name) if name in config.given else "default"
        lines.append(f"  {name:<{width}}  {_value(name, config.settings)}    [{source}]")
    return "\n".join(lines) + "\n"
