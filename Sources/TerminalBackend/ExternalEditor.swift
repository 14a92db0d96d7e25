import Foundation

/// Long text in the person's own editor, the way `git commit` does it: $VISUAL, else $EDITOR,
/// on a private temporary file, with the terminal handed over meanwhile. (Without either, the
/// console uses its built-in editor and never gets here; vi is only a last resort.)
enum ExternalEditor {
    static var command: String {
        let environment = ProcessInfo.processInfo.environment
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// The edited text, or nil when the editor failed (the text is then left as it was).
    static func edit(_ text: String) -> String? {
        let directory = FileManager.default.temporaryDirectory
        let file = directory.appendingPathComponent("shopdesk-\(getpid())-\(UUID().uuidString.prefix(8)).html")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        // The editor command may carry arguments ("code --wait"), so the shell splits it; the
        // file name is passed as a separate argument, never pasted into the command.
        let arguments = ["/bin/sh", "-c", command + " \"$1\"", "shopdesk-editor", file.path]
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0, let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
