#include "CReadline.h"
#include <signal.h>
#include <string.h>

static creadline_generator current_generator = NULL;
static volatile sig_atomic_t interrupted = 0;

void creadline_set_name(const char *name) { rl_readline_name = name; }

static char **attempted_completion(const char *text, int start, int end) {
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1;
    /* readline resets this before every completion: no space after a completed word. */
    rl_completion_append_character = '\0';
    if (current_generator == NULL) return NULL;
    return rl_completion_matches(text, current_generator);
}

void creadline_set_completion(creadline_generator generator) {
    current_generator = generator;
    rl_attempted_completion_function = attempted_completion;
    rl_completion_append_character = '\0';
    rl_variable_bind("completion-ignore-case", "on");
    /* Listed left to right, so levels by rung and scale labels read in their order. */
    rl_variable_bind("print-completions-horizontally", "on");
}

static char word_breaks[64] = " \t\n";

void creadline_set_word_breaks(const char *characters) {
    strncpy(word_breaks, characters, sizeof word_breaks - 1);
    word_breaks[sizeof word_breaks - 1] = '\0';
    rl_completer_word_break_characters = word_breaks;
}

void creadline_set_sort_matches(int sort) { rl_sort_completion_matches = sort; }

void creadline_history_start(const char *path, int keep) {
    using_history();
    stifle_history(keep);
    if (path != NULL) {
        read_history(path);
        history_truncate_file(path, keep);
    }
}

void creadline_history_add(const char *line, const char *path) {
    if (line == NULL || line[0] == '\0') return;
    add_history(line);
    /* The caller decides what may go to the file. Never write_history on failure: that
       would write every line of the session, answers included. */
    if (path != NULL) append_history(1, path);
}

static void on_sigint(int signo) {
    (void)signo;
    interrupted = 1;
}

static int check_interrupt(void) {
    if (interrupted) {
        interrupted = 0;
        rl_replace_line("", 0);
        rl_point = rl_end = 0;
        fputs("^C\n", rl_outstream ? rl_outstream : stdout);
        rl_on_new_line();
        rl_redisplay();
    }
    return 0;
}

void creadline_install_interrupt_handling(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: the read returns, readline runs the hooks */
    sigaction(SIGINT, &action, NULL);
    rl_catch_signals = 0;
    rl_signal_event_hook = check_interrupt;
    rl_event_hook = check_interrupt;
}

void creadline_disable_bracketed_paste(void) {
    rl_variable_bind("enable-bracketed-paste", "off");
}
