#include <stdio.h>
#include <histedit.h>
#include <sys/ioctl.h>
#include <unistd.h>

// Swift cannot call C variadic functions, so each el_set/el_get/history use gets a fixed signature here.

typedef char *(*apish_prompt_function)(EditLine *);
typedef unsigned char (*apish_editor_function)(EditLine *, int);

static inline int apish_el_set_prompt(EditLine *el, apish_prompt_function prompt, char literal) {
    return el_set(el, EL_PROMPT_ESC, prompt, literal);
}

static inline int apish_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int apish_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int apish_el_set_history(EditLine *el, History *list) {
    return el_set(el, EL_HIST, history, list);
}

static inline int apish_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *apish_el_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int apish_el_add_function(EditLine *el, const char *name, const char *help, apish_editor_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

static inline int apish_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}

static inline int apish_el_set_tty_mode(EditLine *el, const char *mode, const char *flag) {
    return el_set(el, EL_SETTY, mode, flag, NULL);
}

static inline int apish_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

static inline int apish_el_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, NULL) != 0) return 0;
    return columns;
}

static inline int apish_fd_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

static inline int apish_history_set_size(History *list, int size) {
    HistEvent event;
    return history(list, &event, H_SETSIZE, size);
}

static inline int apish_history_set_unique(History *list, int unique) {
    HistEvent event;
    return history(list, &event, H_SETUNIQUE, unique);
}

static inline int apish_history_enter(History *list, const char *line) {
    HistEvent event;
    return history(list, &event, H_ENTER, line);
}

static inline int apish_history_load(History *list, const char *path) {
    HistEvent event;
    return history(list, &event, H_LOAD, path);
}

static inline int apish_history_save(History *list, FILE *file) {
    HistEvent event;
    return history(list, &event, H_SAVE_FP, file);
}

// The C standard streams, read through functions because Swift treats the globals as shared mutable state.
static inline FILE *apish_stdin(void) { return stdin; }
static inline FILE *apish_stdout(void) { return stdout; }
static inline FILE *apish_stderr(void) { return stderr; }
