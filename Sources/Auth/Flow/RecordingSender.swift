import HTTPExchange

/// The sender of a watched login: each request that is a leg of the flow is shown to the recorder
/// before it goes (a stepper may stop it there) and its answer after it comes back.
struct RecordingSender: HTTPSending {
    let base: any HTTPSending
    let recorder: AuthFlowRecorder

    func send(_ request: HTTPRequest, options: SendOptions) async throws -> HTTPResponse {
        guard let leg = AuthLeg(sending: request) else { return try await base.send(request, options: options) }
        try await recorder.willSend(leg, request)
        let response = try await base.send(request, options: options)
        recorder.received(leg, response)
        return response
    }
}
