import HTTPExchange

extension AuthFlowRecord {
    /// The record of a flow `profile` ran: `trigger` (what you typed) opens it, the legs follow, and
    /// the way every API request carries the result closes it.
    init(profile: AuthProfile, trigger: String, legs: [Step]) {
        self.init(profile: profile.name, flow: profile.method.displayName, trigger: trigger, legs: legs, use: Self.use(of: profile.method))
    }

    private static func use(of method: AuthMethod) -> Step? {
        let mask = Redactor.mask
        let (reference, carried): (String, String)
        switch method {
        case .oauth2(let settings) where settings.tokenPlacement == .query:
            (reference, carried) = ("RFC 6750 §2.3", "?access_token=\(mask)")
        case .oauth2:
            (reference, carried) = ("RFC 6750 §2.1", "Authorization: Bearer \(mask)")
        case .oauth1(let settings):
            let signed = "oauth_consumer_key, oauth_token=\(mask), oauth_nonce, oauth_timestamp, oauth_signature=\(mask)"
            switch settings.placement {
            case .header: (reference, carried) = ("RFC 5849 §3.5.1", "Authorization: OAuth \(signed)")
            case .body: (reference, carried) = ("RFC 5849 §3.5.2", "form: \(signed)")
            case .query: (reference, carried) = ("RFC 5849 §3.5.3", "query: \(signed)")
            }
        case .none, .basic, .bearer:
            return nil
        }
        return Step(title: "every API request", reference: reference,
                    messages: [Message(from: .apish, to: .api, label: "each request", details: [carried])])
    }
}
