import JSON

/// `GET /api/users/self`: the user the request authenticated as, shaped like Mautic's user entity.
enum UserJSON {
    static func user(_ user: SandboxCredentials.User) -> JSONValue {
        .object(JSONObject([
            (key: "isPublished", value: .bool(true)),
            (key: "dateAdded", value: .null),
            (key: "dateModified", value: .null),
            (key: "createdBy", value: .null),
            (key: "createdByUser", value: .null),
            (key: "modifiedBy", value: .null),
            (key: "modifiedByUser", value: .null),
            (key: "id", value: .number(JSONNumber(user.id))),
            (key: "username", value: .string(user.username)),
            (key: "firstName", value: .string(user.firstName)),
            (key: "lastName", value: .string(user.lastName)),
            (key: "email", value: .string(user.email)),
            (key: "position", value: .null),
            (key: "role", value: .object(JSONObject([
                (key: "id", value: .number(JSONNumber(user.isAdmin ? 1 : 2))),
                (key: "name", value: .string(user.isAdmin ? "Administrator" : "Sales Team")),
                (key: "isAdmin", value: .bool(user.isAdmin)),
            ]))),
            (key: "timezone", value: .string("UTC")),
            (key: "locale", value: .string("en_US")),
            (key: "lastLogin", value: .null),
            (key: "lastActive", value: .null),
            (key: "onlineStatus", value: .string("offline")),
            (key: "signature", value: .null),
        ]))
    }
}
