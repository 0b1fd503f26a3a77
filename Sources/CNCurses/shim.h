#ifndef CAIRN_CNCURSES_SHIM_H
#define CAIRN_CNCURSES_SHIM_H

// Wide-character ncurses: get_wch, add_wch, cchar_t.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

// Swift cannot import function-like macros or (in Swift 6) mutable C globals,
// so everything TerminalUI needs of that kind is wrapped here.

// MARK: locale

/// Adopts the user's locale; must run before initscr so wide characters work.
static inline void cairn_setlocale_from_environment(void) { setlocale(LC_ALL, ""); }

/// True when the current locale's character set is UTF-8 (box drawing is safe).
static inline int cairn_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

// MARK: startup

/// Starts ncurses on the process's stdin/stdout; NULL (not exit, as initscr
/// would) when the terminal type is unknown.
static inline SCREEN *cairn_newterm(void) { return newterm(NULL, stdout, stdin); }

// MARK: globals

static inline WINDOW *cairn_stdscr(void) { return stdscr; }
static inline int cairn_lines(void) { return LINES; }
static inline int cairn_cols(void) { return COLS; }
static inline int cairn_colors(void) { return COLORS; }
static inline int cairn_color_pairs(void) { return COLOR_PAIRS; }

// MARK: attributes

static inline attr_t cairn_a_normal(void) { return A_NORMAL; }
static inline attr_t cairn_a_bold(void) { return A_BOLD; }
static inline attr_t cairn_a_dim(void) { return A_DIM; }
static inline attr_t cairn_a_italic(void) { return A_ITALIC; }
static inline attr_t cairn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cairn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cairn_a_blink(void) { return A_BLINK; }
static inline attr_t cairn_a_standout(void) { return A_STANDOUT; }
static inline int cairn_color_pair(int pair) { return (int)COLOR_PAIR(pair); }

// MARK: line drawing (the terminal's alternate character set)

static inline chtype cairn_acs_hline(void) { return ACS_HLINE; }
static inline chtype cairn_acs_vline(void) { return ACS_VLINE; }
static inline chtype cairn_acs_ulcorner(void) { return ACS_ULCORNER; }
static inline chtype cairn_acs_urcorner(void) { return ACS_URCORNER; }
static inline chtype cairn_acs_llcorner(void) { return ACS_LLCORNER; }
static inline chtype cairn_acs_lrcorner(void) { return ACS_LRCORNER; }
static inline chtype cairn_acs_ltee(void) { return ACS_LTEE; }
static inline chtype cairn_acs_rtee(void) { return ACS_RTEE; }
static inline chtype cairn_acs_ttee(void) { return ACS_TTEE; }
static inline chtype cairn_acs_btee(void) { return ACS_BTEE; }
static inline chtype cairn_acs_plus(void) { return ACS_PLUS; }

// MARK: keys and mouse

static inline int cairn_key_f(int n) { return KEY_F(n); }
static inline mmask_t cairn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cairn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cairn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cairn_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t cairn_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t cairn_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t cairn_button3_released(void) { return BUTTON3_RELEASED; }
static inline mmask_t cairn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cairn_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t cairn_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/// Reads one key or character; returns OK, KEY_CODE_YES or ERR like get_wch.
static inline int cairn_get_wch(unsigned int *out) {
    wint_t value = 0;
    int result = get_wch(&value);
    *out = (unsigned int)value;
    return result;
}

/// Pushes back what cairn_get_wch returned, so the next read sees it again.
static inline void cairn_unget(int result, unsigned int value) {
    if (result == KEY_CODE_YES) {
        ungetch((int)value);
    } else if (result == OK) {
        unget_wch((wchar_t)value);
    }
}

// MARK: drawing

/// Writes one grapheme (up to 5 code points) with attributes and an extended
/// colour pair at (y, x). Returns ERR when ncurses rejects it, e.g. the
/// bottom-right cell, which ncurses reports as an error after drawing it.
static inline int cairn_put_cell(int y, int x, const unsigned int *codepoints, int count, attr_t attrs,
                                 int pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = (wchar_t)codepoints[i];
    text[n] = L'\0';
    cchar_t cell;
    if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

// MARK: signals

/// Installs `handler` for a signal with sigaction (no SA_RESTART, so a blocked
/// read wakes up and the event loop sees the signal promptly).
static inline int cairn_install_signal(int signo, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    return sigaction(signo, &action, NULL);
}

/// Restores the default disposition and re-raises, so the process dies of the
/// signal (the parent sees the right status) after the terminal is restored.
static inline void cairn_reraise_with_default(int signo) {
    signal(signo, SIG_DFL);
    raise(signo);
}

#endif
