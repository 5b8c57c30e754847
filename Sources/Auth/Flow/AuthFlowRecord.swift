/// What one login (or refresh) of a profile did, leg by leg, as `auth diagram` draws it: who sent what
/// to whom, with the real parameters. Every value in it is already masked, so it may be shown or kept.
public struct AuthFlowRecord: Codable, Sendable, Equatable {
    public var profile: String
    /// `oauth1 HMAC-SHA1`, `oauth2 authorization_code`, …
    public var flow: String
    /// What you typed (or did) that started the flow: the first arrow, from you to apish.
    public var trigger: String
    /// The legs, numbered from 1 as `auth login --step` numbers them.
    public var legs: [Step]
    /// How every API request carries what the flow obtained, drawn after the legs.
    public var use: Step?

    public init(profile: String, flow: String, trigger: String, legs: [Step], use: Step?) {
        self.profile = profile
        self.flow = flow
        self.trigger = trigger
        self.legs = legs
        self.use = use
    }

    /// The lifelines of a diagram, left to right.
    public enum Participant: String, Codable, Sendable, CaseIterable, Comparable {
        case you, apish, browser, server, api

        public var title: String {
            switch self {
            case .you: "You"
            case .apish: "apish"
            case .browser: "browser"
            case .server: "authorization server"
            case .api: "API"
            }
        }

        public static func < (left: Participant, right: Participant) -> Bool {
            allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
        }
    }

    /// One arrow: a label (`POST http://…/token`) and the parameters it carries, one a line.
    public struct Message: Codable, Sendable, Equatable {
        public var from: Participant
        public var to: Participant
        public var label: String
        public var details: [String]
        /// An answer to the message before it: drawn dashed.
        public var isReply: Bool

        public init(from: Participant, to: Participant, label: String, details: [String] = [], isReply: Bool = false) {
            self.from = from
            self.to = to
            self.label = label
            self.details = details
            self.isReply = isReply
        }
    }

    /// A part of the flow, drawn under its heading: a leg, or the use made of its result.
    public struct Step: Codable, Sendable, Equatable {
        public var title: String
        public var reference: String?
        public var messages: [Message]

        public init(title: String, reference: String? = nil, messages: [Message]) {
            self.title = title
            self.reference = reference
            self.messages = messages
        }

        /// `code exchange (RFC 6749 §4.1.3)`.
        public var heading: String {
            title + (reference.map { " (\($0))" } ?? "")
        }
    }

    /// The first arrow: you start the flow.
    public var triggerMessage: Message { Message(from: .you, to: .apish, label: trigger) }

    /// Every part in drawing order, with its heading: the trigger (no heading), the numbered legs, the use.
    public var sections: [(heading: String?, messages: [Message])] {
        [(nil, [triggerMessage])] + legs.enumerated().map { ("\($0.offset + 1). \($0.element.heading)", $0.element.messages) }
            + (use.map { [("then: \($0.heading)", $0.messages)] } ?? [])
    }

    /// The participants the flow involves, in their canonical order.
    public var participants: [Participant] {
        let used = Set(sections.flatMap { $0.messages.flatMap { [$0.from, $0.to] } })
        return Participant.allCases.filter(used.contains)
    }
}
