/// The `format` values the validator can assert when asked to (`SchemaValidator.assertsFormat`): the
/// RFC 3339 dates and times, ISO 8601 durations, e-mail addresses, host names, IP addresses, URIs, UUIDs,
/// JSON pointers and regexes. A format it does not know is accepted, as the specification says.
enum FormatChecks {
    static func isValid(_ text: String, format: String) -> Bool {
        switch format {
        case "date": isDate(Substring(text))
        case "time": isTime(Substring(text))
        case "date-time": isDateTime(text)
        case "duration": isDuration(text)
        case "email": isEmail(text)
        case "hostname": isHostname(Substring(text))
        case "ipv4": isIPv4(Substring(text))
        case "ipv6": isIPv6(text)
        case "uuid": isUUID(text)
        case "uri": isURI(text, requiresScheme: true)
        case "uri-reference": isURI(text, requiresScheme: false)
        case "uri-template": isURITemplate(text)
        case "json-pointer": isJSONPointer(Substring(text))
        case "relative-json-pointer": isRelativeJSONPointer(text)
        case "regex": (try? Regex(text)) != nil
        default: true
        }
    }

    // MARK: Dates and times (RFC 3339 §5.6)

    private static func digits(_ text: Substring, _ count: Int) -> Int? {
        guard text.count == count, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    static func isDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = digits(parts[0], 4), let month = digits(parts[1], 2), let day = digits(parts[2], 2),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func isTime(_ text: Substring) -> Bool {
        // partial-time time-offset; the offset is required.
        var rest = text
        let offsetMinutes: Int
        if let last = rest.last, last == "Z" || last == "z" {
            rest = rest.dropLast()
            offsetMinutes = 0
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = rest[rest.index(after: sign)...].split(separator: ":", omittingEmptySubsequences: false)
            guard offset.count == 2, let hours = digits(offset[0], 2), let minutes = digits(offset[1], 2),
                  hours <= 23, minutes <= 59 else { return false }
            offsetMinutes = (rest[sign] == "+" ? 1 : -1) * (hours * 60 + minutes)
            rest = rest[..<sign]
        } else {
            return false
        }
        if let dot = rest.firstIndex(of: ".") {
            let fraction = rest[rest.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            rest = rest[..<dot]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hour = digits(parts[0], 2), let minute = digits(parts[1], 2), let second = digits(parts[2], 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        guard second == 60 else { return true }
        // A leap second is the last second of a UTC day.
        let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
        return utcMinutes == 23 * 60 + 59
    }

    static func isDateTime(_ text: String) -> Bool {
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return false }
        return isDate(text[..<separator]) && isTime(text[text.index(after: separator)...])
    }

    /// ISO 8601 durations as RFC 3339 Appendix A writes them: `P3Y6M4DT12H30M5S`, `P4W`.
    static func isDuration(_ text: String) -> Bool {
        guard text.hasPrefix("P") else { return false }
        let body = text.dropFirst()
        if body.hasSuffix("W") { return digits(body.dropLast(), body.count - 1) != nil && body.count > 1 }
        let parts = body.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        func units(_ part: Substring, _ order: [Character]) -> Int? {
            var position = 0, count = 0, number = ""
            for character in part {
                if character.isASCII && character.isNumber { number.append(character); continue }
                // Units run in order without gaps: `P1Y2M`, `P2M3D`, but not `P1Y3D`.
                guard !number.isEmpty, let index = order[position...].firstIndex(of: character),
                      count == 0 || index == position else { return nil }
                position = index + 1
                count += 1
                number = ""
            }
            return number.isEmpty ? count : nil
        }
        guard let dateUnits = units(parts[0], ["Y", "M", "D"]) else { return false }
        if parts.count == 1 { return dateUnits > 0 }
        guard let timeUnits = units(parts[1], ["H", "M", "S"]) else { return false }
        return timeUnits > 0
    }

    // MARK: Internet names and addresses

    static func isEmail(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at], domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
        } else {
            let atext = "!#$%&'*+-/=?^_`{|}~"
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
                  local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || atext.contains($0)) })
            else { return false }
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(literal)
        }
        return isHostname(domain)
    }

    static func isHostname(_ text: Substring) -> Bool {
        let name = text
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                // A-labels (`xn--`) aside, the third and fourth characters may not both be hyphens (RFC 5891 §4.2.3.1).
                && (label.count < 4 || label.dropFirst(2).prefix(2) != "--" || label.lowercased().hasPrefix("xn--"))
        }
    }

    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part.count == 1 || part.first != "0", let value = Int(part) else { return false }
            return value <= 255
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII }) else { return false }
        var groups = Substring(text)
        var allowedGroups = 8
        if let lastColon = groups.lastIndex(of: ":"), groups[groups.index(after: lastColon)...].contains(".") {
            guard isIPv4(groups[groups.index(after: lastColon)...]) else { return false }
            groups = groups[...lastColon]
            if !groups.hasSuffix("::") { groups = groups.dropLast() }
            allowedGroups = 6
        }
        let halves = groups.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return false }
        func hexGroups(_ part: String) -> Int? {
            if part.isEmpty { return 0 }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) }) else { return nil }
            return pieces.count
        }
        let counts = halves.map(hexGroups)
        guard counts.allSatisfy({ $0 != nil }) else { return false }
        let total = counts.reduce(0) { $0 + ($1 ?? 0) }
        return halves.count == 2 ? total < allowedGroups : total == allowedGroups
    }

    static func isUUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    // MARK: URIs and pointers

    static func isURI(_ text: String, requiresScheme: Bool) -> Bool {
        let allowed = "-._~:/?#[]@!$&'()*+,;=%"
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || allowed.contains($0)) }) else { return false }
        var utf8 = Array(text.utf8)[...]
        while let percent = utf8.firstIndex(of: UInt8(ascii: "%")) {
            let code = utf8[(percent + 1)...].prefix(2)
            guard code.count == 2, code.allSatisfy({ Character(UnicodeScalar($0)).isHexDigit }) else { return false }
            utf8 = utf8[(percent + 3)...]
        }
        let reference = URIReference(text)
        if requiresScheme && reference.scheme == nil { return false }
        if let authority = reference.authority {
            guard authority.filter({ $0 == "@" }).count <= 1 else { return false }
            let host = authority.split(separator: "@").last ?? ""
            if let colon = host.lastIndex(of: ":"), !host[colon...].contains("]") {
                guard host[host.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            }
        }
        if let authority = reference.authority, authority.contains("[") || authority.contains("]") {
            guard let open = authority.firstIndex(of: "["), let close = authority.firstIndex(of: "]"), open < close,
                  isIPv6(String(authority[authority.index(after: open)..<close])) || authority[authority.index(after: open)...].hasPrefix("v")
            else { return false }
        }
        // Brackets and a second `#` belong nowhere but the host.
        let withoutAuthority = reference.path + (reference.query ?? "") + (reference.fragment ?? "")
        return !withoutAuthority.contains("[") && !withoutAuthority.contains("]") && !(reference.fragment ?? "").contains("#")
            && (reference.scheme != nil || !(reference.path.split(separator: "/").first ?? "").contains(":"))
    }

    static func isURITemplate(_ text: String) -> Bool {
        var open = false
        for character in text {
            if character == "{" { if open { return false }; open = true }
            if character == "}" { if !open { return false }; open = false }
        }
        return !open
    }

    static func isJSONPointer(_ text: Substring) -> Bool {
        guard text.isEmpty || text.hasPrefix("/") else { return false }
        var characters = text[...]
        while let tilde = characters.firstIndex(of: "~") {
            let next = characters.index(after: tilde)
            guard next < characters.endIndex, characters[next] == "0" || characters[next] == "1" else { return false }
            characters = characters[characters.index(after: next)...]
        }
        return true
    }

    static func isRelativeJSONPointer(_ text: String) -> Bool {
        let number = text.prefix { $0.isASCII && $0.isNumber }
        guard !number.isEmpty, number.count == 1 || number.first != "0" else { return false }
        let rest = text.dropFirst(number.count)
        return rest == "#" || isJSONPointer(rest)
    }
}
