"""Song Ngữ's front ends: the Qt GUI and the command line, both over `viewer.library.Library`."""
