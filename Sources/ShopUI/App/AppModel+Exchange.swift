import Dispatch
import ShopKit

/// `:import` and `:export` in the console: the command line's code, run in the background with
/// a progress box, its summary shown as a report and the panes read again afterwards.
extension AppModel {
    /// Tab on the command line: what can be typed.
    func completeCommand(_ editor: LineEditor) {
        state.mode = .commandPrompt(editor)
        state.message = .init(text: PromptCommand.usage, isError: false)
    }

    func runCommand(_ text: String) {
        let command: PromptCommand
        do { command = try PromptCommand.parse(text) } catch {
            state.message = .init(text: error.description, isError: true)
            return
        }
        guard let exchanger else {
            state.mode = .browse
            state.message = .init(text: "imports and exports are not available here", isError: true)
            return
        }
        switch command {
        case .importFile(let kind, let path, let dryRun):
            guard dryRun || requireWritable() else { state.mode = .browse; return }
            let title = "\(dryRun ? "Dry run of the import" : "Import") of \(kind.rawValue) from \(path)"
            state.mode = .working(ExchangeProgress(title: title))
            background.runReporting { report in
                let started = DispatchTime.now().uptimeNanoseconds
                do {
                    let summary = try exchanger.importFile(kind, path: path, dryRun: dryRun) { progress in
                        report(.exchangeProgress(Self.progress(title: title, progress, startedNanoseconds: started)))
                    }
                    return .exchangeFinished(title: title, lines: summary.lines, isError: false)
                } catch {
                    return .exchangeFinished(title: title, lines: ["\(error)", "nothing was imported"], isError: true)
                }
            }
        case .export(let target, let path):
            let title = "Export of \(target.rawValue) to \(path)"
            state.mode = .working(ExchangeProgress(title: title))
            background.runReporting { _ in
                do {
                    let rows = try exchanger.exportFile(target, path: path)
                    return .exchangeFinished(title: title, lines: ["wrote \(rows) row\(rows == 1 ? "" : "s") to \(path)"], isError: false)
                } catch {
                    return .exchangeFinished(title: title, lines: ["\(error)", "no file was written"], isError: true)
                }
            }
        }
    }

    /// Rows, share of the file, rate and time left from what the import reported so far.
    static func progress(title: String, _ progress: ImportProgress, startedNanoseconds: UInt64) -> ExchangeProgress {
        let elapsed = max(1, (DispatchTime.now().uptimeNanoseconds - startedNanoseconds) / 1_000_000)
        let permille = progress.totalBytes > 0 ? Int(progress.bytesRead * 1000 / progress.totalBytes) : 0
        let rate = Int(UInt64(progress.rowsDone) * 1000 / elapsed)
        let secondsLeft = permille > 0 ? Int(elapsed * UInt64(1000 - min(permille, 1000)) / UInt64(permille) / 1000) : nil
        return ExchangeProgress(title: title, rowsDone: progress.rowsDone, permille: permille, rowsPerSecond: rate,
                                secondsLeft: secondsLeft)
    }

    /// The summary as a report; every pane reads its rows again (an import changes them).
    func exchangeFinished(title: String, lines: [String], isError: Bool) {
        var document = DetailDocument(title: SafeText(title))
        for line in lines { document.lines.append([.init(SafeText(line), isError ? .danger : .normal)]) }
        send(.dataChanged)
        state.mode = .detail(document, scroll: 0)
        state.message = .init(text: isError ? "\(title) failed — Esc goes back" : "\(title) done — Esc goes back", isError: isError)
    }
}
