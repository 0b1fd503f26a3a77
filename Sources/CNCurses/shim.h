#ifndef CAIRN_CNCURSES_SHIM_H
#define CAIRN_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
