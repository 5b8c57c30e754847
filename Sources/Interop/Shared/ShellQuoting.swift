/// POSIX shell quoting for the commands apish prints: a word a shell reads back unchanged.
enum ShellQuoting {
    static func quote(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-_./:=@%+,".unicodeScalars.contains(scalar))
        }
        if safe { return word }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
