import JSON

/// Auth profile settings as Postman v2.1 auth blocks; the inverse of ``PostmanAuthConverter``.
enum PostmanAuthWriter {
    static func block(for settings: [String: String]) -> JSONValue? {
        func value(_ key: String) -> String? { settings[key].flatMap { $0.isEmpty ? nil : $0 } }
        switch settings["type"]?.lowercased() {
        case "none": return .object(JSONObject([(key: "type", value: "noauth")]))
        case "basic": return block(type: "basic", [("username", value("username")), ("password", value("password"))])
        case "bearer": return block(type: "bearer", [("token", value("token"))])
        case "oauth1":
            let placement = value("placement") ?? "header"
            return block(type: "oauth1", [
                ("consumerKey", value("consumer_key")), ("consumerSecret", value("consumer_secret")), ("token", value("token")),
                ("tokenSecret", value("token_secret")), ("signatureMethod", value("signature_method") ?? "HMAC-SHA1"),
                ("realm", value("realm")), ("privateKey", value("private_key")), ("addParamsToHeader", placement == "header" ? "true" : "false"),
            ])
        case "oauth2":
            let grant = value("grant") ?? "authorization_code"
            let postmanGrant: String
            switch grant {
            case "authorization_code": postmanGrant = value("pkce") == "false" ? "authorization_code" : "authorization_code_with_pkce"
            case "password": postmanGrant = "password_credentials"
            default: postmanGrant = grant
            }
            return block(type: "oauth2", [
                ("grant_type", postmanGrant), ("accessTokenUrl", value("token_url")), ("authUrl", value("authorize_url")),
                ("redirect_uri", value("redirect_uri")), ("clientId", value("client_id")), ("clientSecret", value("client_secret")),
                ("scope", value("scope")), ("username", value("username")), ("password", value("password")),
                ("client_authentication", value("client_auth") == "body" ? "body" : "header"),
                ("addTokenTo", value("token_placement") == "query" ? "queryParams" : "header"),
            ])
        default: return nil
        }
    }

    static func block(type: String, _ attributes: [(String, String?)]) -> JSONValue {
        let list = attributes.compactMap { key, value -> JSONValue? in
            guard let value else { return nil }
            return .object(JSONObject([(key: "key", value: .string(key)), (key: "value", value: .string(value)), (key: "type", value: "string")]))
        }
        return .object(JSONObject([(key: "type", value: .string(type)), (key: type, value: .array(list))]))
    }
}
