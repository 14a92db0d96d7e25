/// A refusal a person can act on: what is wrong with which field, and how to fix it.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String
    public let hint: String

    public init(field: String, message: String, hint: String = "") {
        self.field = field
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.isEmpty ? message : "\(message) — \(hint)" }
}
