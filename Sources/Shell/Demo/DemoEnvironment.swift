/// The `sandbox` environment that `apish demo` creates: the sandbox's base URL and one auth profile
/// per method. The copy committed in `environments/sandbox.env` is this text (a test keeps them equal).
public enum DemoEnvironment {
    public static let name = "sandbox"

    public static func text(oauth2ClientID: String, serviceClientID: String, oauth1ConsumerKey: String) -> String {
        """
        # The built-in Mautic-compatible sandbox (`apish demo`, or `apish sandbox`, which listens on port 8181).
        # Its demo credentials are public, yet they are kept as secrets here the way real ones must be:
        # `apish sandbox` and `apish demo` store their values in the per-user state folder when they start,
        # never in this file (see collections/mautic/README.md).
        baseUrl = http://127.0.0.1:8181
        username = admin
        secret password
        auth = basic
        # The sandbox's own OpenAPI description: Tab completes its paths, `describe` and `expect schema` read it.
        openapi = {{baseUrl}}/api/openapi.json

        # The OAuth clients the sandbox registers. The collections in collections/mautic run each flow
        # themselves from these variables; the auth profiles below take theirs from them too.
        oauth2_client_id = \(oauth2ClientID)
        secret oauth2_client_secret
        oauth2_redirect_uri = http://127.0.0.1:8765/callback
        service_client_id = \(serviceClientID)
        secret service_client_secret
        oauth1_consumer_key = \(oauth1ConsumerKey)
        secret oauth1_consumer_secret
        oauth1_callback = http://127.0.0.1:8766/callback

        # HTTP Basic as a Mautic user.
        [auth basic]
        type = basic
        username = {{username}}
        password = {{password}}

        # OAuth 2 authorization code: `auth login oauth2` opens the consent page (log in as admin / mautic).
        [auth oauth2]
        type = oauth2
        grant = authorization_code
        authorize_url = {{baseUrl}}/oauth/v2/authorize
        token_url = {{baseUrl}}/oauth/v2/token
        client_id = {{oauth2_client_id}}
        client_secret = {{oauth2_client_secret}}
        client_auth = body
        redirect_uri = {{oauth2_redirect_uri}}

        # OAuth 2 device grant (RFC 8628), its endpoints found by discovery from the issuer: `auth login device`
        # prints a code to enter at the sandbox's device page.
        [auth device]
        type = oauth2
        grant = device_code
        issuer = {{baseUrl}}
        client_id = {{oauth2_client_id}}
        client_secret = {{oauth2_client_secret}}
        scope = openid

        # OAuth 2 client credentials: a token is fetched with the first request, nobody at the keyboard.
        [auth service]
        type = oauth2
        grant = client_credentials
        token_url = {{baseUrl}}/oauth/v2/token
        client_id = {{service_client_id}}
        client_secret = {{service_client_secret}}
        client_auth = body

        # OAuth 1.0a three-legged (Mautic 2.x/3.x): `auth login mautic-oauth1`.
        [auth mautic-oauth1]
        type = oauth1
        consumer_key = {{oauth1_consumer_key}}
        consumer_secret = {{oauth1_consumer_secret}}
        signature_method = HMAC-SHA1
        request_token_url = {{baseUrl}}/oauth/v1/request_token
        authorize_url = {{baseUrl}}/oauth/v1/authorize
        access_token_url = {{baseUrl}}/oauth/v1/access_token
        callback = {{oauth1_callback}}

        """
    }

    /// Secret values the demo stores in the state folder: (secret name, value).
    public static func secrets(password: String, oauth2ClientSecret: String, serviceClientSecret: String, oauth1ConsumerSecret: String) -> [(String, String)] {
        [
            ("password", password), ("oauth2_client_secret", oauth2ClientSecret),
            ("service_client_secret", serviceClientSecret), ("oauth1_consumer_secret", oauth1ConsumerSecret),
        ]
    }
}
