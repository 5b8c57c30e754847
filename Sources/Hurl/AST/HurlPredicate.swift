/// `[not] function [value]`.
public struct HurlPredicate: Sendable, Hashable {
    public var negated: Bool
    public var function: HurlPredicateFunction
    /// Present exactly when ``HurlPredicateFunction/takesValue``.
    public var value: HurlValue?

    public init(negated: Bool = false, function: HurlPredicateFunction, value: HurlValue? = nil) {
        self.negated = negated
        self.function = function
        self.value = value
    }
}

/// Predicate functions; the raw value is the canonical spelling.
public enum HurlPredicateFunction: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
    case startsWith
    case endsWith
    case contains
    case includes
    case matches
    case exists
    case isEmpty
    case isInteger
    case isFloat
    case isNumber
    case isBoolean
    case isString
    case isCollection
    case isList
    case isObject
    case isDate
    case isIsoDate
    case isIpv4
    case isIpv6
    case isUuid

    public var takesValue: Bool {
        switch self {
        case .equal, .notEqual, .greater, .greaterOrEqual, .less, .lessOrEqual,
             .startsWith, .endsWith, .contains, .includes, .matches:
            true
        default:
            false
        }
    }

    /// Reads a spelling, including Hurl's older word forms (`equals`, `greaterThan`, ...).
    public init?(spelling: String) {
        if let function = HurlPredicateFunction(rawValue: spelling) {
            self = function
            return
        }
        switch spelling {
        case "equals": self = .equal
        case "notEquals": self = .notEqual
        case "greaterThan": self = .greater
        case "greaterThanOrEquals": self = .greaterOrEqual
        case "lessThan": self = .less
        case "lessThanOrEquals": self = .lessOrEqual
        default: return nil
        }
    }
}
