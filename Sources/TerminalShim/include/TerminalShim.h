#ifndef SHOPDESK_TERMINAL_SHIM_H
#define SHOPDESK_TERMINAL_SHIM_H

/// Saves the terminal modes before curses changes them (restored by the crash handler).
void shim_save_terminal(void);
/// Writes the reset sequence and restores the saved modes; async-signal-safe.
void shim_restore_terminal_raw(void);
/// Installs the fatal-signal handlers (restore, re-raise) and the quit handlers
/// (SIGTERM, SIGHUP, SIGINT, SIGQUIT: set a flag, wake the loop). Returns 0 on success.
int shim_install_signal_handlers(void);
/// The signal that asked the program to quit, or 0.
int shim_pending_quit_signal(void);
/// Forgets a pending quit signal (a Ctrl-C meant for an external editor).
void shim_clear_quit_signal(void);
/// Waits for stdin, the wake pipe or the timeout; 1 when stdin is readable.
int shim_wait_for_input(int timeout_ms);
/// Wakes `shim_wait_for_input` from another thread.
void shim_wake(void);
/// Stops the process with SIGTSTP's default action; returns after SIGCONT.
void shim_suspend_self(void);

#endif
