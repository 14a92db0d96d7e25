import Foundation
import ShopKit
import ShopUI

/// Actions posted from other threads (background counts, the change watcher), drained by the
/// main loop. Posting wakes the loop through the terminal's wake pipe.
public final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []

    public init() {}

    public func post(_ action: Action) {
        lock.lock()
        pending.append(action)
        lock.unlock()
        Terminal.wake()
    }

    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let actions = pending
        pending.removeAll()
        return actions
    }
}

/// Runs background work on a serial queue and posts its result to the inbox.
public struct QueueRunner: BackgroundRunner {
    private let queue = DispatchQueue(label: "shopdesk.background", qos: .userInitiated)
    private let inbox: ActionInbox

    public init(inbox: ActionInbox) { self.inbox = inbox }

    public func run(_ work: @escaping @Sendable () -> Action?) {
        let inbox = self.inbox
        queue.async { if let action = work() { inbox.post(action) } }
    }

    public func runReporting(_ work: @escaping @Sendable (@escaping @Sendable (Action) -> Void) -> Action?) {
        let inbox = self.inbox
        queue.async { if let action = work({ inbox.post($0) }) { inbox.post(action) } }
    }

    public func post(_ action: Action, after seconds: Double) {
        let inbox = self.inbox
        DispatchQueue.global(qos: .userInitiated).asyncAfter(deadline: .now() + seconds) { inbox.post(action) }
    }
}

/// The main loop: key → action → state → view → changed cells to the terminal. Everything
/// curses-related happens on this one thread.
public final class ConsoleLoop {
    private let terminal: Terminal
    private let model: AppModel
    private let theme: Theme
    private let inbox: ActionInbox
    private let clock: () -> Timestamp
    private let trace = LoopTrace()

    public init(terminal: Terminal, model: AppModel, theme: Theme, inbox: ActionInbox, clock: @escaping () -> Timestamp) {
        self.terminal = terminal
        self.model = model
        self.theme = theme
        self.inbox = inbox
        self.clock = clock
    }

    /// Runs until the person quits or a quit signal arrives; returns that signal, or 0.
    public func run() -> Int32 {
        var fullRedraw = false
        while true {
            for action in inbox.drain() { trace.measure("action \(action)") { model.send(action) } }
            model.setNow(clock())
            if model.state.shouldQuit { return 0 }
            if terminal.pendingQuitSignal != 0 { return terminal.pendingQuitSignal }
            for effect in model.takeEffects() {
                switch effect {
                case .suspend:
                    terminal.suspend()
                    let size = terminal.size
                    model.send(.resized(width: size.width, height: size.height))
                    fullRedraw = true
                case .fullRedraw:
                    fullRedraw = true
                case .editText(let text):
                    var edited: String?
                    terminal.runOutside { edited = ExternalEditor.edit(text) }
                    model.send(.externalTextEdited(edited))
                    fullRedraw = true
                }
            }
            trace.measure("draw \(model.state.active)") {
                terminal.draw(Screen.render(model.state, theme: theme, keyMap: model.keyMap), full: fullRedraw)
            }
            fullRedraw = false
            // Wake at least every few seconds so relative due times stay current; no busy loop.
            for key in terminal.readKeys(timeout: 5_000) {
                if key == .resize {
                    let size = terminal.size
                    model.send(.resized(width: size.width, height: size.height))
                } else {
                    trace.measure("key \(key) in \(model.state.active)") { model.handle(key) }
                }
                if model.state.shouldQuit { break }
            }
        }
    }
}
