/// Work only the holder of the automation lease may do (delivering the outbox, running the
/// journeys live). `AutomationService` starts it when the process takes the lease and stops it
/// when the process loses or gives it up, possibly many times over a process's life: `start()`
/// after `stop()` must work again. `start()` returns at once (the work runs on its own thread or
/// task); `stop()` returns once the work has stopped touching the workspace.
public protocol LeaderWork: AnyObject, Sendable {
    func start()
    func stop()
}
