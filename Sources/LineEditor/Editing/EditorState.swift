import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What libedit's C callbacks need from one editor, reached through `EL_CLIENTDATA`.
final class EditorState {
    var completer: (@Sendable (CompletionContext) -> [String])?
    var interrupted = false
    /// The text right of the cursor when Ctrl-C was pressed, rewritten so "^C" lands after the line.
    var textAfterCursor = ""
    var columns: () -> Int = { 80 }
    private let output: UnsafeMutablePointer<FILE>
    private var promptBuffer: UnsafeMutablePointer<CChar>

    init(output: UnsafeMutablePointer<FILE>) {
        self.output = output
        promptBuffer = strdup("")
    }

    deinit { free(promptBuffer) }

    var prompt: UnsafeMutablePointer<CChar> { promptBuffer }

    func setPrompt(_ prompt: String) {
        free(promptBuffer)
        promptBuffer = strdup(PromptMarkup.marked(prompt))
    }

    func write(_ text: String) {
        fputs(text, output)
        fflush(output)
    }

    static func of(_ editLine: OpaquePointer?) -> EditorState? {
        guard let editLine, let data = apish_el_client_data(editLine) else { return nil }
        return Unmanaged<EditorState>.fromOpaque(data).takeUnretainedValue()
    }

    /// Tab: asks the completer about the word at the cursor and applies its answer.
    func complete(_ editLine: OpaquePointer) -> UInt8 {
        guard let completer, let info = el_line(editLine)?.pointee, let buffer = info.buffer else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let total = max(0, (info.lastchar.map { $0 - buffer }) ?? 0)
        let beforeCursor = min(total, max(0, (info.cursor.map { $0 - buffer }) ?? total))
        let bytes = UnsafeRawBufferPointer(start: buffer, count: total)
        let line = String(decoding: bytes, as: UTF8.self)
        let prefixLength = String(decoding: bytes.prefix(beforeCursor), as: UTF8.self).utf8.count
        let cursor = line.utf8.index(line.startIndex, offsetBy: prefixLength, limitedBy: line.endIndex) ?? line.endIndex
        let context = CompletionContext(line: line, cursor: cursor)
        let plan = CompletionPlan(word: context.word, candidates: completer(context))
        if let replacement = plan.replacement {
            el_deletestr(editLine, Int32(context.word.unicodeScalars.count))
            _ = el_insertstr(editLine, replacement)
        }
        if !plan.listing.isEmpty {
            let rows = CompletionListing.rows(of: plan.listing, width: columns())
            write("\n" + rows.map { $0 + "\n" }.joined())
            return UInt8(CC_REDISPLAY)
        }
        return UInt8(plan.replacement == nil ? CC_REFRESH_BEEP : CC_REFRESH)
    }
}

/// The C entry points libedit calls; each finds its editor through the client data.
enum EditorCallbacks {
    static let prompt: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { editLine in
        EditorState.of(editLine)?.prompt
    }

    static let complete: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        guard let editLine, let state = EditorState.of(editLine) else { return UInt8(CC_ERROR) }
        return state.complete(editLine)
    }

    /// Ctrl-C ends the line; the editor sees the flag and reports `.interrupted` instead of the text.
    static let interrupt: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        guard let editLine, let state = EditorState.of(editLine) else { return UInt8(CC_ERROR) }
        state.interrupted = true
        state.textAfterCursor = ""
        if let info = el_line(editLine)?.pointee, let cursor = info.cursor, let end = info.lastchar, end > cursor {
            state.textAfterCursor = String(decoding: UnsafeRawBufferPointer(start: cursor, count: end - cursor), as: UTF8.self)
        }
        return UInt8(CC_NEWLINE)
    }
}
