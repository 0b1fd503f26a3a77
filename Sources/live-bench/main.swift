import Foundation

// live-bench: the live runtime's benchmarks (issue #13), each in a fresh temporary workspace
// (nothing is written into the repository): wake-up lag of 1,000 waits due in the same second
// among 100,000; sustained node steps with deliveries to a file channel; a restart that finds
// 100,000 waits overdue. Release build:
//   swift build -c release --product live-bench && .build/release/live-bench [wake|steps|restart]...

let chosen = Set(CommandLine.arguments.dropFirst())
let all = ["wake", "steps", "restart"]
if let unknown = chosen.first(where: { !all.contains($0) }) {
    fail("unknown benchmark '\(unknown)' (choose from \(all.joined(separator: ", ")))")
}
let total = DispatchTime.now().uptimeNanoseconds
for name in all where chosen.isEmpty || chosen.contains(name) {
    switch name {
    case "wake":
        print(
            "Wake-up lag: \(WakeUpLag.waiting + WakeUpLag.burst) waiting executions, \(WakeUpLag.burst) due in the same second"
        )
        WakeUpLag.run()
    case "steps":
        print("Sustained steps: \(SustainedSteps.leads) leads, send -> update -> wait 0s -> send -> exit")
        SustainedSteps.run()
    default:
        print("Restart: \(RestartOverdue.leads) waiting executions found overdue")
        RestartOverdue.run()
    }
}
print(String(format: "total %.0f s", elapsed(since: total)))
