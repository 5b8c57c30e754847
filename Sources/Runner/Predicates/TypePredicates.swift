import Hurl

/// `isInteger`, `isFloat`, `isNumber`, `isBoolean`, `isString`, `isCollection`, `isList`,
/// `isObject`, `isDate`, `isIsoDate`, `isIpv4`, `isIpv6`, `isUuid`.
enum TypePredicates {
    static func evaluate(_ function: HurlPredicateFunction, _ actual: RunValue?) -> (Bool, String) {
        switch function {
        case .isInteger:
            if case .number(let number)? = actual { return (number.isIntegerLiteral, "an integer") }
            return (false, "an integer")
        case .isFloat:
            if case .number(let number)? = actual { return (!number.isIntegerLiteral, "a float") }
            return (false, "a float")
        case .isNumber:
            if case .number? = actual { return (true, "a number") }
            return (false, "a number")
        case .isBoolean:
            if case .bool? = actual { return (true, "a boolean") }
            return (false, "a boolean")
        case .isString:
            if case .string? = actual { return (true, "a string") }
            return (false, "a string")
        case .isCollection:
            switch actual {
            case .list?, .object?, .bytes?: return (true, "a collection")
            default: return (false, "a collection")
            }
        case .isList:
            if case .list? = actual { return (true, "a list") }
            return (false, "a list")
        case .isObject:
            if case .object? = actual { return (true, "an object") }
            return (false, "an object")
        case .isDate:
            if case .date? = actual { return (true, "a date") }
            return (false, "a date")
        case .isIsoDate:
            if case .string(let text)? = actual { return (ISODate.parse(text) != nil, "an RFC 3339 date") }
            return (false, "an RFC 3339 date")
        case .isIpv4:
            if case .string(let text)? = actual { return (isIPv4(text), "an IPv4 address") }
            return (false, "an IPv4 address")
        case .isIpv6:
            if case .string(let text)? = actual { return (isIPv6(text), "an IPv6 address") }
            return (false, "an IPv6 address")
        default:
            if case .string(let text)? = actual { return (isUUID(text), "a UUID") }
            return (false, "a UUID")
        }
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigitCharacter) && Int(part)! <= 255
                && (part.count == 1 || part.first != "0")
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = Substring(text)
        var groupsAllowed = 8
        if let lastColon = address.lastIndex(of: ":"), address[address.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(address[address.index(after: lastColon)...])) else { return false }
            address = address[...lastColon]
            if !address.hasSuffix("::") { address = address.dropLast() }
            groupsAllowed = 6
        }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        let groups = halves.map { $0.isEmpty ? [] : $0.split(separator: ":", omittingEmptySubsequences: false) }
        let count = groups.reduce(0) { $0 + $1.count }
        let valid = groups.joined().allSatisfy { group in
            (1...4).contains(group.count) && group.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit)
        }
        return valid && (halves.count == 2 ? count < groupsAllowed : count == groupsAllowed)
    }

    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12]
            && groups.allSatisfy { $0.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

extension Substring {
    func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self
        while let range = rest.firstRange(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
