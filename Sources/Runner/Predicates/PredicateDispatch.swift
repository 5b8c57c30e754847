import Hurl

/// What a predicate concluded, with the expectation written for a person.
struct PredicateOutcome: Equatable {
    var passed: Bool
    var expected: String
}

/// The one place that maps a predicate function to its implementation.
enum PredicateDispatch {
    static func evaluate(_ predicate: HurlPredicate, actual: RunValue?, expected: RunValue?) throws(EvaluationError) -> PredicateOutcome {
        let function = predicate.function
        let (holds, expectation): (Bool, String)
        switch function {
        case .exists, .isEmpty:
            (holds, expectation) = try ExistencePredicates.evaluate(function, actual)
        case .isInteger, .isFloat, .isNumber, .isBoolean, .isString, .isCollection, .isList, .isObject, .isDate,
             .isIsoDate, .isIpv4, .isIpv6, .isUuid:
            (holds, expectation) = TypePredicates.evaluate(function, actual)
        default:
            guard let expected else { throw EvaluationError("\(function.rawValue) needs a value") }
            let text = EqualityPredicates.describe(function, expected)
            guard let actual else {
                return PredicateOutcome(passed: false, expected: predicate.negated ? "not " + text : text)
            }
            switch function {
            case .equal, .notEqual:
                holds = EqualityPredicates.evaluate(function, actual, expected)
            case .greater, .greaterOrEqual, .less, .lessOrEqual:
                holds = try OrderingPredicates.evaluate(function, actual, expected)
            case .startsWith, .endsWith, .contains, .matches:
                holds = try TextPredicates.evaluate(function, actual, expected)
            default:
                holds = try IncludesPredicate.evaluate(actual, expected)
            }
            expectation = text
        }
        return PredicateOutcome(passed: predicate.negated ? !holds : holds,
                                expected: predicate.negated ? "not " + expectation : expectation)
    }
}
