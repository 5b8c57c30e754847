/// Reads a line without echo. On a terminal it switches off echo, canonical mode and signals for the
/// duration (so Ctrl-C cancels instead of killing the process with echo still off) and handles Backspace
/// and Ctrl-U itself; elsewhere it reads one line as it comes. The prompt is shown only once echo is
/// off, so whatever is typed or pasted after it appears is neither echoed nor discarded.
enum SecretReader {
    static func readLine(from descriptor: Int32, prompt: String, write: (String) -> Void) -> String? {
        let typed = RawMode.run(on: descriptor) { () -> String? in
            write(prompt)
            return readQuietLine(from: descriptor)
        }
        guard let typed else {
            write(prompt)
            return readPlainLine(from: descriptor)
        }
        write("\n")
        return typed
    }

    private static func readQuietLine(from descriptor: Int32) -> String? {
        var bytes: [UInt8] = []
        while let byte = RawMode.readByte(from: descriptor) {
            switch byte {
            case 0x0A, 0x0D: return String(decoding: bytes, as: UTF8.self)
            case 0x03: return nil
            case 0x04 where bytes.isEmpty: return nil
            case 0x15: bytes.removeAll()
            case 0x7F, 0x08:
                // Drop one whole UTF-8 character: its continuation bytes, then its first byte.
                while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
                _ = bytes.popLast()
            default: bytes.append(byte)
            }
        }
        return nil
    }

    private static func readPlainLine(from descriptor: Int32) -> String? {
        var bytes: [UInt8] = []
        while let byte = RawMode.readByte(from: descriptor) {
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
