import HTTPExchange
import Synchronization

/// Watches one login leg by leg — the requests through `RecordingSender`, the browser legs through
/// `RecordingInteraction` — and keeps them, masked, as the steps of an `AuthFlowRecord`. With a
/// stepper, it also pauses before each leg and reports after it.
final class AuthFlowRecorder: Sendable {
    private struct State {
        var steps: [AuthFlowRecord.Step] = []
        /// Secrets met on the way (a code, a verifier, temporary credentials), masked from then on.
        var secrets: Set<String>
        var derivations: [String] = []
    }

    private let state: Mutex<State>
    let stepper: (any AuthStepping)?

    init(secrets: [String], stepper: (any AuthStepping)?) {
        state = Mutex(State(secrets: Set(secrets)))
        self.stepper = stepper
    }

    /// The legs so far, numbered from 1 in this order: the `legs` of the flow's record.
    var legs: [AuthFlowRecord.Step] { state.withLock { $0.steps } }

    /// A line of the flow's narration: a derivation that `?` shows at the next pause.
    func narrated(_ line: String) {
        state.withLock { $0.derivations.append(line) }
    }

    func willSend(_ leg: AuthLeg, _ request: HTTPRequest) async throws {
        learn(Redactor.credentials(in: request))
        try await begin(leg) { [AuthLegMessages.request(request, redactor: $0)] }
    }

    func received(_ leg: AuthLeg, _ response: HTTPResponse) {
        let taken = AuthLegMessages.taken(from: response)
        learn(taken.filter { CredentialNames.isCredentialParameter($0.0) }.map(\.1))
        finish(leg, taken: taken.map(\.0)) { [AuthLegMessages.response(response, taken: taken, redactor: $0)] }
    }

    func willOpen(_ leg: AuthLeg, url: String) async throws {
        try await begin(leg) { AuthLegMessages.browser(leg, url: url, redactor: $0) }
        // What a browser leg brings back arrives with the redirect, a leg of its own: only where it leads is said.
        finish(leg, taken: []) { _ in [] }
    }

    func redirected(_ leg: AuthLeg, parameters: [(String, String)]) {
        learn(parameters.filter { ["code", "oauth_token", "oauth_verifier"].contains($0.0) }.map(\.1))
        let number = state.withLock { state -> Int in
            state.steps.append(.init(title: leg.title, reference: leg.reference, messages: []))
            return state.steps.count
        }
        stepper?.announce(leg, number: number)
        finish(leg, taken: parameters.map(\.0)) { AuthLegMessages.redirect(parameters: parameters, redactor: $0) }
    }

    // MARK: Internals

    private func learn(_ secrets: [String]) {
        state.withLock { $0.secrets.formUnion(secrets.filter { !$0.isEmpty }) }
    }

    private var redactor: Redactor { Redactor(secrets: state.withLock { $0.secrets }) }

    /// Records a new step and, when stepping, pauses before it; a refusal stops the login.
    private func begin(_ leg: AuthLeg, _ messages: (Redactor?) -> [AuthFlowRecord.Message]) async throws {
        let masked = messages(redactor)
        let (number, derivations) = state.withLock { state -> (Int, [String]) in
            state.steps.append(.init(title: leg.title, reference: leg.reference, messages: masked))
            defer { state.derivations = [] }
            return (state.steps.count, state.derivations)
        }
        guard let stepper else { return }
        let shown = stepper.revealsSecrets ? messages(nil) : masked
        guard await stepper.pause(before: leg, number: number, messages: shown, derivations: derivations) else {
            throw AuthError.cancelled("stopped before step \(number) (\(leg.title)); nothing was stored")
        }
    }

    /// Adds what came back to the current step and, when stepping, reports it.
    private func finish(_ leg: AuthLeg, taken: [String], _ messages: (Redactor?) -> [AuthFlowRecord.Message]) {
        let masked = messages(redactor)
        let number = state.withLock { state -> Int in
            state.steps[state.steps.count - 1].messages += masked
            return state.steps.count
        }
        guard let stepper else { return }
        stepper.report(after: leg, number: number, messages: stepper.revealsSecrets ? messages(nil) : masked,
                       next: leg.nextUse(taken: taken))
    }
}
