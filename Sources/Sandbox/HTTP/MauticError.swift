import JSON

/// An error as Mautic reports it: `{"errors":[{"message","code","type"}]}`, `type` left out when nil.
struct MauticError: Error, Sendable, Equatable {
    var code: Int
    var message: String
    var type: String?
    /// Per-field validation messages, printed as `details` like Mautic's form errors.
    var details: JSONObject?
    var extraHeaders: [(name: String, value: String)] = []

    init(code: Int, message: String, type: String? = nil) {
        self.code = code
        self.message = message
        self.type = type
    }

    static func == (lhs: MauticError, rhs: MauticError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.type == rhs.type && lhs.details == rhs.details
    }

    var item: JSONValue {
        var object = JSONObject()
        object["message"] = .string(message)
        object["code"] = .number(JSONNumber(code))
        if let type { object["type"] = .string(type) }
        if let details { object["details"] = .object(details) }
        return .object(object)
    }

    var envelope: JSONValue {
        .object(JSONObject([(key: "errors", value: .array([item]))]))
    }

    static let notFound = MauticError(code: 404, message: "Item was not found.")
    static let accessDenied = MauticError(code: 401, message: "API authorization denied.", type: "access_denied")
    static let invalidBasicCredentials = MauticError(
        code: 401, message: "Authorization denied, invalid credentials.", type: "access_denied")
    static let forbidden = MauticError(code: 403, message: "You do not have access to the requested area/action.")
    static let batchLimit = MauticError(code: 500, message: "A max of 200 entities are supported at a time.")

    static func badRequest(_ message: String) -> MauticError {
        MauticError(code: 400, message: message)
    }

    static func invalidField(_ field: String, _ message: String) -> MauticError {
        var error = MauticError(code: 400, message: "\(field): \(message)")
        error.details = JSONObject([(key: field, value: .array([.string(message)]))])
        return error
    }
}
