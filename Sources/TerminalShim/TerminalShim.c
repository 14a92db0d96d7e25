// Terminal lifecycle that must not run Swift code: signal handlers, the wake pipe, and the
// terminal state restored on a crash. Only async-signal-safe calls inside the handlers.
#include "TerminalShim.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/// Terminal state saved before curses starts, restored by the crash handler
/// with async-signal-safe calls only (tcsetattr and write).
static struct termios shim_saved_termios;
static int shim_saved_termios_valid = 0;
static volatile sig_atomic_t shim_quit_signal = 0;
static int shim_wake_pipe[2] = { -1, -1 };

void shim_save_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &shim_saved_termios) == 0) shim_saved_termios_valid = 1;
}

void shim_restore_terminal_raw(void) {
    // Leave the alternate screen, show the cursor, reset attributes, leave keypad mode.
    static const char reset[] = "\033[0m\033[?1049l\033[?25h\033[?1l\033>\r\n";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof(reset) - 1);
    (void)ignored;
    if (shim_saved_termios_valid) tcsetattr(STDIN_FILENO, TCSANOW, &shim_saved_termios);
}

static void shim_fatal_handler(int sig) {
    shim_restore_terminal_raw();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void shim_quit_handler(int sig) {
    shim_quit_signal = sig;
    if (shim_wake_pipe[1] >= 0) {
        char byte = 1;
        ssize_t ignored = write(shim_wake_pipe[1], &byte, 1);
        (void)ignored;
    }
}

/// Fatal signals restore the terminal and re-raise; SIGTERM and SIGHUP set a flag
/// and wake the main loop, which then quits through the normal path.
int shim_install_signal_handlers(void) {
    if (shim_wake_pipe[0] < 0) {
        if (pipe(shim_wake_pipe) != 0) return -1;
    }
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = shim_fatal_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(fatal[i], &action, NULL);
    }
    int quit[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
    for (unsigned i = 0; i < sizeof(quit) / sizeof(quit[0]); i++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = shim_quit_handler;
        sigemptyset(&action.sa_mask);
        sigaction(quit[i], &action, NULL);
    }
    return 0;
}

int shim_pending_quit_signal(void) { return shim_quit_signal; }

void shim_clear_quit_signal(void) { shim_quit_signal = 0; }

/// Waits until stdin has input, the wake pipe is written, or the timeout passes.
/// Returns 1 when stdin is readable, 0 otherwise.
int shim_wait_for_input(int timeout_ms) {
    struct pollfd fds[2];
    fds[0].fd = STDIN_FILENO; fds[0].events = POLLIN; fds[0].revents = 0;
    fds[1].fd = shim_wake_pipe[0]; fds[1].events = POLLIN; fds[1].revents = 0;
    int n = poll(fds, shim_wake_pipe[0] >= 0 ? 2 : 1, timeout_ms);
    if (n > 0 && (fds[1].revents & POLLIN)) {
        char buffer[64];
        ssize_t ignored = read(shim_wake_pipe[0], buffer, sizeof(buffer));
        (void)ignored;
    }
    return (n > 0 && (fds[0].revents & (POLLIN | POLLHUP))) ? 1 : 0;
}

/// Wakes the main loop from another thread (new data from a background reader).
void shim_wake(void) {
    if (shim_wake_pipe[1] >= 0) {
        char byte = 2;
        ssize_t ignored = write(shim_wake_pipe[1], &byte, 1);
        (void)ignored;
    }
}

/// Ctrl-Z: leave curses, stop with the default action, and come back when continued.
void shim_suspend_self(void) {
    struct sigaction previous, stop;
    memset(&stop, 0, sizeof(stop));
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &previous);
    kill(getpid(), SIGTSTP);
    // Execution continues here after SIGCONT (`fg`).
    sigaction(SIGTSTP, &previous, NULL);
}

