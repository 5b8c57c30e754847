/// The person's side of a watched login: talks through `base`, and tells the recorder of each
/// browser leg.
struct RecordingInteraction: AuthInteraction {
    let base: any AuthInteraction
    let recorder: AuthFlowRecorder

    func show(_ line: String) { base.show(line) }
    func openBrowser(_ url: String) { base.openBrowser(url) }
    func ask(_ prompt: String, secret: Bool) async -> String? { await base.ask(prompt, secret: secret) }

    func willOpen(_ leg: AuthLeg, url: String) async throws {
        try await recorder.willOpen(leg, url: url)
    }

    func redirected(_ leg: AuthLeg, parameters: [(String, String)]) {
        recorder.redirected(leg, parameters: parameters)
    }
}
