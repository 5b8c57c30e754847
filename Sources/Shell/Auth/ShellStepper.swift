import Auth

/// `auth login --step` on the terminal: before each leg, its number, purpose and RFC section and what
/// is about to be sent or opened; Enter lets it go, `?` shows how it was derived, `q` stops the login.
/// After each leg, what came back and where it is used next.
struct ShellStepper: AuthStepping {
    let output: any ShellOutput
    /// One key, read without echo on the terminal; nil when input has ended.
    let readKey: @Sendable (String) async -> UInt8?
    let revealsSecrets: Bool

    func pause(before leg: AuthLeg, number: Int, messages: [AuthFlowRecord.Message], derivations: [String]) async -> Bool {
        let style = output.style
        announce(leg, number: number)
        messages.forEach(show)
        let action = messages.first?.to == .browser ? "opens it in the browser" : "sends it"
        while true {
            let key = await readKey(style.paint("Enter \(action) · ? how it was derived · q stops: ", .cyan))
            output.line()
            switch key {
            case 0x0D, 0x0A:
                return true
            case UInt8(ascii: "?"):
                let shown = derivations.isEmpty ? ["(nothing is derived for this step: its values are the ones shown)"] : derivations
                for line in shown { output.line(style.paint(line, .dim)) }
            case UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x03, 0x04, nil:
                return false
            default:
                continue
            }
        }
    }

    func announce(_ leg: AuthLeg, number: Int) {
        output.line(output.style.paint("── Step \(number): \(leg.title) (\(leg.reference))", .bold))
        output.line(leg.purpose)
    }

    func report(after leg: AuthLeg, number: Int, messages: [AuthFlowRecord.Message], next: String) {
        messages.forEach(show)
        output.line(output.style.paint("next: ", .cyan) + next)
        output.line()
    }

    private func show(_ message: AuthFlowRecord.Message) {
        output.line("\(message.from.title) → \(message.to.title): \(message.label)")
        for detail in message.details { output.line("  " + detail) }
    }
}
