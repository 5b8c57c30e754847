/// Everyone and everything allowed to call the sandbox. Codable so `--creds FILE` can replace the demo set.
public struct SandboxCredentials: Sendable, Codable, Equatable {
    public struct User: Sendable, Codable, Equatable {
        public var id: Int
        public var username: String
        public var password: String
        public var firstName: String
        public var lastName: String
        public var email: String
        public var isAdmin: Bool

        public init(id: Int, username: String, password: String, firstName: String, lastName: String, email: String, isAdmin: Bool) {
            self.id = id
            self.username = username
            self.password = password
            self.firstName = firstName
            self.lastName = lastName
            self.email = email
            self.isAdmin = isAdmin
        }
    }

    public struct OAuth1Consumer: Sendable, Codable, Equatable {
        public var consumerKey: String
        public var consumerSecret: String
        /// Every `oauth_callback` must start with this; empty allows any callback.
        public var callback: String

        public init(consumerKey: String, consumerSecret: String, callback: String) {
            self.consumerKey = consumerKey
            self.consumerSecret = consumerSecret
            self.callback = callback
        }
    }

    public struct OAuth2Client: Sendable, Codable, Equatable {
        public var clientID: String
        public var clientSecret: String
        /// Registered redirect URIs; a `redirect_uri` must start with one of them (case-insensitively), same host and port.
        public var redirectURIs: [String]
        /// Grant types this client may use: authorization_code, refresh_token, client_credentials, device_code.
        public var grantTypes: [String]
        /// The user a client_credentials token acts as.
        public var userID: Int

        public init(clientID: String, clientSecret: String, redirectURIs: [String], grantTypes: [String], userID: Int) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.redirectURIs = redirectURIs
            self.grantTypes = grantTypes
            self.userID = userID
        }
    }

    public var users: [User]
    public var oauth1Consumers: [OAuth1Consumer]
    public var oauth2Clients: [OAuth2Client]

    public init(users: [User], oauth1Consumers: [OAuth1Consumer], oauth2Clients: [OAuth2Client]) {
        self.users = users
        self.oauth1Consumers = oauth1Consumers
        self.oauth2Clients = oauth2Clients
    }

    public static let demo = SandboxCredentials(
        users: [
            User(id: 1, username: "admin", password: "mautic", firstName: "Admin", lastName: "User",
                 email: "admin@example.com", isAdmin: true),
            User(id: 2, username: "sales", password: "sales", firstName: "Sam", lastName: "Sales",
                 email: "sales@example.com", isAdmin: false),
        ],
        oauth1Consumers: [
            OAuth1Consumer(consumerKey: "demo-oauth1-key", consumerSecret: "demo-oauth1-secret", callback: "http://127.0.0.1"),
        ],
        oauth2Clients: [
            OAuth2Client(clientID: "1_demo-oauth2-client", clientSecret: "demo-oauth2-secret",
                         redirectURIs: ["http://127.0.0.1", "http://localhost"],
                         grantTypes: ["authorization_code", "refresh_token", "device_code"], userID: 1),
            OAuth2Client(clientID: "2_demo-service-client", clientSecret: "demo-service-secret",
                         redirectURIs: [], grantTypes: ["client_credentials"], userID: 1),
        ])

    public func user(named username: String) -> User? { users.first { $0.username == username } }
    public func user(id: Int) -> User? { users.first { $0.id == id } }
    public func oauth1Consumer(key: String) -> OAuth1Consumer? { oauth1Consumers.first { $0.consumerKey == key } }
    public func oauth2Client(id: String) -> OAuth2Client? { oauth2Clients.first { $0.clientID == id } }

    /// The credentials as a person starting the sandbox needs to read them.
    public func summary(baseURL: String) -> String {
        var lines = ["Mautic-compatible sandbox at \(baseURL)", "", "HTTP Basic users:"]
        for user in users {
            lines.append("  \(user.username) / \(user.password)\(user.isAdmin ? "  (admin)" : "")")
        }
        lines.append("OAuth 1.0a consumers (\(baseURL)/oauth/v1/request_token, /oauth/v1/authorize, /oauth/v1/access_token):")
        for consumer in oauth1Consumers {
            lines.append("  key \(consumer.consumerKey)  secret \(consumer.consumerSecret)  callback prefix \(consumer.callback.isEmpty ? "(any)" : consumer.callback)")
        }
        lines.append("OAuth 2 clients (\(baseURL)/oauth/v2/authorize, /oauth/v2/token):")
        for client in oauth2Clients {
            let redirects = client.redirectURIs.isEmpty ? "" : "  redirect prefix \(client.redirectURIs.joined(separator: ", "))"
            lines.append("  id \(client.clientID)  secret \(client.clientSecret)  grants \(client.grantTypes.joined(separator: ","))\(redirects)")
        }
        return lines.joined(separator: "\n")
    }
}
