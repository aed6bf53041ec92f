#!/usr/bin/env python3
"""Writes khet(1) from the argument parser's own description of the command tree.

Usage: khet --experimental-dump-help | packaging/manpage.py VERSION > khet.1

The text is the help that `khet --help` and `khet <command> --help` print, laid out as a man
page (roff): one section per subcommand, its arguments and options with their help. Nothing is
written by hand here, so the page cannot drift from the program.
"""
import json
import sys


def roff(text):
    """Escapes text for roff: backslashes, leading dots and quotes, dashes."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def names(argument):
    if argument["kind"] == "positional":
        return "\\fI" + argument["valueName"] + "\\fR"
    shown = []
    for name in sorted(argument.get("names", []), key=lambda n: n["kind"] != "short"):
        dash = "-" if name["kind"] == "short" else "--"
        shown.append("\\fB" + roff(dash + name["name"]) + "\\fR")
    text = ", ".join(shown)
    if argument["kind"] == "option":
        text += " \\fI" + roff(argument["valueName"]) + "\\fR"
    return text


def arguments(command, out):
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True) or argument.get("valueName") in ("help", "version"):
            continue
        out.append(".TP")
        out.append(names(argument))
        help_text = argument.get("abstract", "")
        default = argument.get("defaultValue")
        # A default the help already explains (`the processor count`) is not the build machine's value.
        if default is not None and "default" not in help_text:
            help_text += " (default: %s)" % default
        out.append(roff(help_text))
        if argument.get("discussion"):
            out.append(".IP")
            out.append(roff(argument["discussion"]))


def synopsis(name, command):
    parts = ["\\fB" + roff(name) + "\\fR"]
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True) or argument.get("valueName") in ("help", "version"):
            continue
        # The first name as `names` orders them (the short one), with the option's value.
        shown = names(argument).split(", ")[0]
        if argument["kind"] == "option" and "\\fI" not in shown:
            shown += " \\fI" + roff(argument["valueName"]) + "\\fR"
        parts.append(("[" + shown + "]") if argument.get("isOptional") else shown)
    return " ".join(parts)


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else ""
    root = json.load(sys.stdin)["command"]
    tool = root["commandName"]
    out = [
        '.TH %s 1 "" "%s %s" "User Commands"' % (tool.upper(), tool, roff(version)),
        ".SH NAME",
        "%s \\- %s" % (tool, roff(root.get("abstract", ""))),
        ".SH SYNOPSIS",
        "\\fB%s\\fR \\fIcommand\\fR [\\fIoptions\\fR]" % tool,
        ".SH DESCRIPTION",
        roff(root.get("discussion", "")),
    ]
    out.append(".SH COMMANDS")
    for command in root.get("subcommands", []):
        if command["commandName"] == "help" or not command.get("shouldDisplay", True):
            continue
        name = tool + " " + command["commandName"]
        out.append(".SS " + roff(name))
        out.append(synopsis(name, command))
        out.append(".PP")
        out.append(roff(command.get("abstract", "")))
        if command.get("discussion"):
            out.append(".PP")
            out.append(roff(command["discussion"]))
        arguments(command, out)
    out += [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBKHET_DATA\\fR",
        "The folder holding Khet's data files (frameworks, schemas, report templates). By default they "
        "are found in \\fI../share/khet\\fR beside the executable.",
        ".SH EXIT STATUS",
        "0 success, 65 bad input data, 66 a missing input file, 1 anything else.",
    ]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
