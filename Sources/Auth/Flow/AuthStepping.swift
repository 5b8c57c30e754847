/// The person who walks through a login one leg at a time (`auth login --step`). Auth calls it; the
/// shell implements it on the terminal, tests with scripted keys.
public protocol AuthStepping: Sendable {
    /// Secrets are shown in `messages` and derivations (`trace reveal`), else masked.
    var revealsSecrets: Bool { get }

    /// Before leg number `number` goes: what is about to be sent or opened, and the derivation lines
    /// (signature base string, PKCE challenge, …) written since the previous leg. False stops the
    /// login; nothing is stored.
    func pause(before leg: AuthLeg, number: Int, messages: [AuthFlowRecord.Message], derivations: [String]) async -> Bool

    /// A leg that begins without asking (the redirect coming back from the browser).
    func announce(_ leg: AuthLeg, number: Int)

    /// After the leg: what came back and where it is used next.
    func report(after leg: AuthLeg, number: Int, messages: [AuthFlowRecord.Message], next: String)
}
