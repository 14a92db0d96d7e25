import CNcurses
import TerminalShim
import Foundation
import ShopUI

/// The ncurses terminal: the only code in shopdesk that talks to curses. It copies cell grids
/// to the screen (only the cells that changed), decodes keys, and owns the terminal's lifecycle:
/// restored on quit, on SIGTERM/SIGHUP/SIGINT, and on a crash (by the C shim's handler).
public final class Terminal {
    public enum ColorMode: Equatable { case none, basic(Int), full(Int) }

    public private(set) var colorMode: ColorMode = .none
    private var pairs: [PairKey: Int16] = [:]
    private var lastGrid: CellGrid?
    private var active = false

    private struct PairKey: Hashable { let foreground: Int32; let background: Int32 }

    public init() {}

    /// Enters curses mode. `useColor` is false for NO_COLOR or a monochrome theme.
    public func start(useColor: Bool) {
        setlocale(LC_ALL, "")
        shim_save_terminal()
        _ = shim_install_signal_handlers()
        // Over SSH the default one-second Esc delay is painful; 25 ms tells Esc from arrow keys.
        shim_set_escdelay(25)
        initscr()
        raw()
        noecho()
        nonl()
        keypad(shim_stdscr(), true)
        curs_set(0)
        leaveok(shim_stdscr(), true)
        if useColor && has_colors() {
            start_color()
            use_default_colors()
            let colors = Int(shim_colors())
            colorMode = colors >= 256 ? .full(colors) : colors >= 8 ? .basic(colors) : .none
        }
        // Until the screen has once been left and resumed, ncurses (6.4) flushes its output at
        // every cursor movement, so a frame leaves in dozens of small writes (packets, over SSH).
        // Leaving and resuming once here makes each frame one write at the end of `doupdate`.
        endwin()
        refresh()
        active = true
    }

    /// Leaves curses mode and gives the shell back its terminal.
    public func stop() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
    }

    deinit { stop() }

    public var size: (width: Int, height: Int) { (Int(shim_cols()), Int(shim_lines())) }

    public var colorCount: Int {
        switch colorMode {
        case .none: 0
        case .basic(let count), .full(let count): count
        }
    }

    /// Copies the grid to the screen; with `full`, repaints everything (Ctrl-L, after resume).
    public func draw(_ grid: CellGrid, full: Bool = false) {
        if full || lastGrid?.width != grid.width || lastGrid?.height != grid.height {
            lastGrid = nil
            if full { clearok(shim_stdscr(), true) }
        }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if let previous = lastGrid, previous[x, y] == cell { continue }
                let chars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                let (attributes, pair) = curses(cell.style)
                chars.withUnsafeBufferPointer { buffer in
                    _ = shim_put_cell(Int32(y), Int32(x), buffer.baseAddress, Int32(buffer.count), attributes, pair)
                }
            }
        }
        lastGrid = grid
        wnoutrefresh(shim_stdscr())
        doupdate()
    }

    private func curses(_ style: Style) -> (attr_t, Int16) {
        var attributes = shim_a_normal()
        if style.bold { attributes |= shim_a_bold() }
        if style.reverse { attributes |= shim_a_reverse() }
        if style.underline { attributes |= shim_a_underline() }
        if style.dim { attributes |= shim_a_dim() }
        guard colorMode != .none else { return (attributes, 0) }
        let foreground = index(style.foreground)
        let background = index(style.background)
        if foreground == -1 && background == -1 { return (attributes, 0) }
        let key = PairKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return (attributes, pair) }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < shim_color_pairs() else { return (attributes, 0) }
        init_pair(next, Int16(foreground), Int16(background))
        pairs[key] = next
        return (attributes, next)
    }

    private func index(_ color: ThemeColor) -> Int32 {
        switch color.degraded(toColors: colorCount) {
        case .terminalDefault: -1
        case .indexed(let value): Int32(value)
        }
    }

    /// Waits up to `timeout` milliseconds for a key, a signal or a wake-up from another thread.
    /// Returns the keys that arrived (possibly none).
    public func readKeys(timeout: Int32) -> [Key] {
        let ready = shim_wait_for_input(timeout)
        var keys: [Key] = []
        nodelay(shim_stdscr(), true)
        defer { nodelay(shim_stdscr(), false) }
        // A resize arrives as a signal; curses reports it from get_wch even when stdin is quiet.
        var attempts = ready == 1 ? 64 : 1
        while attempts > 0 {
            attempts -= 1
            var character: wint_t = 0
            let result = get_wch(&character)
            if result == shim_err() { break }
            if let key = KeyDecoder.decode(result: result, value: UInt32(character)) { keys.append(key) }
            attempts = max(attempts, 1)
            if keys.count >= 64 { break }
        }
        return keys
    }

    /// Ctrl-Z: hand the terminal back, stop, and on `fg` take it again with a full repaint.
    public func suspend() {
        endwin()
        shim_suspend_self()
        shim_resize_from_terminal()
        refresh()
        lastGrid = nil
        clearok(shim_stdscr(), true)
    }

    /// Hands the terminal to another program (an editor) and takes it back afterwards.
    public func runOutside(_ body: () -> Void) {
        endwin()
        body()
        if shim_pending_quit_signal() == SIGINT { shim_clear_quit_signal() }
        shim_resize_from_terminal()
        refresh()
        lastGrid = nil
        clearok(shim_stdscr(), true)
    }

    /// Wakes `readKeys` from another thread.
    public static func wake() { shim_wake() }

    /// The signal (SIGTERM, SIGHUP, SIGINT) that asked us to quit, or 0.
    public var pendingQuitSignal: Int32 { shim_pending_quit_signal() }
}

/// curses key codes → keys.
enum KeyDecoder {
    static func decode(result: Int32, value: UInt32) -> Key? {
        if result == shim_key_code_yes() {
            switch Int32(value) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_NPAGE: return .pageDown
            case KEY_PPAGE: return .pageUp
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_BTAB: return .backTab
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_ENTER: return .enter
            case shim_key_resize(): return .resize
            case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(Int32(value) - KEY_F0))
            default: return nil
            }
        }
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
