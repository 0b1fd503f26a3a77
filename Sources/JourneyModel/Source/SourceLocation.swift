import YAMLSource

/// A place in a source file (`file:line:col`); defined with the YAML loading that locates
/// its errors, named here so the journey language's users need not import that module.
public typealias SourceLocation = YAMLSource.SourceLocation
