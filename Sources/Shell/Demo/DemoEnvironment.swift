/// The `sandbox` environment that `apish demo` creates: the sandbox's base URL and one auth profile
/// per method. The copy committed in `environments/sandbox.env` is this text (a test keeps them equal).
public enum DemoEnvironment {
    public static let name = "sandbox"

    public static func text(oauth2ClientID: String, serviceClientID: String, oauth1ConsumerKey: String) -> String {
        """
        # The built-in Mautic-compatible sandbox (`apish demo`, or `apish sandbox --port 8181`).
        # Its demo credentials are public, yet they are kept as secrets here the way real ones must be:
        # `apish demo` stores their values in the per-user state folder, never in this file.
        baseUrl = http://127.0.0.1:8181
        username = admin
        secret password
        auth = basic

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
        client_id = \(oauth2ClientID)
        secret client_secret
        client_auth = body
        redirect_uri = http://127.0.0.1:8765/callback

        # OAuth 2 client credentials: a token is fetched with the first request, nobody at the keyboard.
        [auth service]
        type = oauth2
        grant = client_credentials
        token_url = {{baseUrl}}/oauth/v2/token
        client_id = \(serviceClientID)
        secret client_secret
        client_auth = body

        # OAuth 1.0a three-legged (Mautic 2.x/3.x): `auth login mautic-oauth1`.
        [auth mautic-oauth1]
        type = oauth1
        consumer_key = \(oauth1ConsumerKey)
        secret consumer_secret
        signature_method = HMAC-SHA1
        request_token_url = {{baseUrl}}/oauth/v1/request_token
        authorize_url = {{baseUrl}}/oauth/v1/authorize
        access_token_url = {{baseUrl}}/oauth/v1/access_token
        callback = http://127.0.0.1:8766/callback

        """
    }

    /// Secret values the demo stores in the state folder: (secret name, value).
    public static func secrets(password: String, oauth2ClientSecret: String, serviceClientSecret: String, oauth1ConsumerSecret: String) -> [(String, String)] {
        [
            ("password", password), ("auth.oauth2.client_secret", oauth2ClientSecret),
            ("auth.service.client_secret", serviceClientSecret), ("auth.mautic-oauth1.consumer_secret", oauth1ConsumerSecret),
        ]
    }
}
