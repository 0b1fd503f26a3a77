import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a short-lived helper program and waits for it with waitpid. Used
/// instead of Foundation's Process for tmux: on Linux, Process notices a
/// child's exit through a descriptor that a daemon started by the child (the
/// tmux server) inherits, so it would wait for the daemon to exit too.
enum ChildProcess {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(
        _ path: String, arguments: [String], environment: [String: String], capturingOutput: Bool
    ) throws -> Result {
        var pipeEnds: [Int32] = [-1, -1]
        if capturingOutput {
            // Close-on-exec, so only the dup2'd copies reach the child.
            guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
            _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capturingOutput {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        if capturingOutput { close(pipeEnds[1]) }
        guard spawned == 0 else {
            if capturingOutput { close(pipeEnds[0]) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        var output = Data()
        if capturingOutput {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(pipeEnds[0], &chunk, chunk.count)
                if count > 0 {
                    output.append(contentsOf: chunk[0..<count])
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            close(pipeEnds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WEXITSTATUS: the exit code lives in bits 8-15 of a normal exit's status.
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exitCode, output: String(decoding: output, as: UTF8.self))
    }
}
