// A thin wrapper over GNU Readline: setter functions so Swift 6 never assigns
// readline's mutable globals itself (that is a strict-concurrency error).
#ifndef CREADLINE_H
#define CREADLINE_H

#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/// The C signature of a completion generator: called with state 0 first, then 1, 2, ...
typedef char *(*creadline_generator)(const char *text, int state);

/// Sets the application name readline uses for conditional ~/.inputrc parsing.
void creadline_set_name(const char *name);

/// Installs a generator used for every completion; readline's filename completion is off.
void creadline_set_completion(creadline_generator generator);

/// Sets the characters that separate words for completion (e.g. " \t\n,;").
void creadline_set_word_breaks(const char *characters);

/// Whether readline sorts the matches it lists (1, its default) or keeps their order (0).
void creadline_set_sort_matches(int sort);

/// Readline's own history: start, load from a file, add a line (and append it to the file
/// when a path is given: the caller passes one only for lines that may be kept there).
void creadline_history_start(const char *path, int keep);
void creadline_history_add(const char *line, const char *path);

/// Lets Swift handle SIGINT: readline neither installs handlers nor catches signals.
void creadline_install_interrupt_handling(void);

/// Turns off bracketed paste (readline 8.2 enables it; it confuses scripted terminals).
void creadline_disable_bracketed_paste(void);

#endif
