/// Why a `LineEditor` could not start or save.
public enum LineEditorError: Error, Equatable, CustomStringConvertible {
    case cannotStart
    case unreadableHistory(path: String)
    case cannotWriteHistory(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotStart: "cannot start the line editor (libedit)"
        case .unreadableHistory(let path): "cannot read the history file \(path) (not a libedit history file?)"
        case .cannotWriteHistory(let path, let reason): "cannot write the history file \(path): \(reason)"
        }
    }
}
