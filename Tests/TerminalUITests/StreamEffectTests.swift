import Testing

@testable import TerminalUI

/// A pretend replay: a streaming effect reports progress, then a result, and
/// stops early when its cancellation flag is set.
private struct ReplayModel: Sendable {
    var progress: [Int] = []
    var finished: String?
    let cancel = CancellationFlag()
}

private enum ReplayMessage: Sendable {
    case start
    case progressed(Int)
    case finished(String)
}

private func replayProgram(cancelFirst: Bool) -> Program<ReplayModel, ReplayMessage> {
    Program(
        model: ReplayModel(),
        translate: { event, _ in event == .key(.character("r")) ? .start : nil },
        update: { model, message in
            switch message {
            case .start:
                let flag = model.cancel
                if cancelFirst { flag.cancel() }
                return [
                    .stream { send in
                        for step in 1...5 {
                            if flag.isCancelled {
                                send(.finished("cancelled at \(step)"))
                                return
                            }
                            send(.progressed(step))
                        }
                        send(.finished("done"))
                    }
                ]
            case .progressed(let step): model.progress.append(step)
            case .finished(let outcome): model.finished = outcome
            }
            return []
        },
        view: { model, frame in
            frame.render(Paragraph("steps \(model.progress.count) \(model.finished ?? "")"), in: frame.area)
        })
}

@Suite struct StreamEffectTests {
    @Test func aStreamDeliversEveryMessageInOrder() {
        var program = replayProgram(cancelFirst: false)
        let result = program.run(on: TestScreen(width: 30, height: 5, events: Event.keys("r", "x")))
        #expect(result.model.progress == [1, 2, 3, 4, 5])
        #expect(result.model.finished == "done")
    }

    @Test func aCancelledStreamStopsBetweenSteps() {
        var program = replayProgram(cancelFirst: true)
        let screen = TestScreen(width: 30, height: 5, events: Event.keys("r", "x"))
        let result = program.run(on: screen)
        #expect(result.model.progress.isEmpty)
        #expect(result.model.finished == "cancelled at 1")
        #expect(screen.lastFrame.text(ofRow: 0).hasPrefix("steps 0 cancelled"))
    }
}
