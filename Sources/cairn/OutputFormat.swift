import ArgumentParser

/// `--format text|json` on commands whose output is data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
